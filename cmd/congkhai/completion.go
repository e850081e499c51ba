package main

import (
	"flag"
	"io"
	"maps"
	"strings"
	"text/template"

	"github.com/congkhai/congkhai/internal/msg"
)

const completionHelp = `Usage: congkhai completion bash|zsh|fish|powershell

Prints a script that completes congkhai's commands, their flags and the
values of some flags (folders, --format) in the shell named. To load it:

  bash        source <(congkhai completion bash)
              or, for every new shell:
              congkhai completion bash > ~/.local/share/bash-completion/completions/congkhai
  zsh         source <(congkhai completion zsh)
              or: congkhai completion zsh > "${fpath[1]}/_congkhai"
  fish        congkhai completion fish | source
              or: congkhai completion fish > ~/.config/fish/completions/congkhai.fish
  powershell  congkhai completion powershell | Out-String | Invoke-Expression
              (add that line to $PROFILE for every session)

The script is made from congkhai's own list of commands and flags, so it
always matches the program that printed it.
`

// shell is a shell congkhai writes a completion script for.
type shell struct {
	name   string
	script string // a text/template executed on the []completedCommand
}

func shells() []shell {
	return []shell{{"bash", bashCompletion}, {"zsh", zshCompletion}, {"fish", fishCompletion}, {"powershell", powershellCompletion}}
}

func shellNames() []string {
	var names []string
	for _, s := range shells() {
		names = append(names, s.name)
	}
	return names
}

func defineCompletion(fs *flag.FlagSet, e env) func([]string) int {
	return func(args []string) int {
		if len(args) != 1 {
			e.say(e.stderr, "congkhai completion: name one shell: %s\n", orList(shellNames()))
			fs.Usage()
			return 2
		}
		for _, s := range shells() {
			if s.name == args[0] {
				if err := writeCompletion(e.stdout, s, commands(), e.tr); err != nil {
					e.say(e.stderr, "congkhai completion: %v", err)
					return 1
				}
				return 0
			}
		}
		e.say(e.stderr, "congkhai completion: no completion for %q: use %s%s", args[0], orList(shellNames()), didYouMean(args[0], shellNames(), ""))
		return 2
	}
}

// completedCommand is what a completion script knows of a command, read
// from the command's own flag definitions.
type completedCommand struct {
	Name, Summary string
	TakesArgs     bool
	Words         []string // what its first argument may be
	Flags         []completedFlag
}

// completedFlag is one flag of a command.
type completedFlag struct {
	Name   string
	Usage  string // the first line of its help
	Bool   bool   // takes no value
	Folder bool   // its value is a folder
	Values []string
}

// completed reads every command's flags by defining them on a flag set
// of its own, as the command does when it runs.
func completed(cmds []command, tr msg.Translator) []completedCommand {
	var out []completedCommand
	quiet := env{stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" }, tr: tr}
	for _, c := range cmds {
		fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
		c.define(fs, quiet)
		languageFlag(fs)
		cc := completedCommand{Name: c.name, Summary: c.summary.In(tr), TakesArgs: c.takesArgs, Words: c.words}
		values := map[string][]string{"lang": languageCodes()}
		maps.Copy(values, c.values)
		fs.VisitAll(func(f *flag.Flag) {
			valueName, _ := flag.UnquoteUsage(f) // English: "folder" is the kind of value
			_, usage := unquoteUsage(f, tr)
			usage, _, _ = strings.Cut(usage, "\n")
			usage = strings.TrimRight(usage, ";,: ")
			b, isBool := f.Value.(interface{ IsBoolFlag() bool })
			cc.Flags = append(cc.Flags, completedFlag{
				Name:   f.Name,
				Usage:  usage,
				Bool:   isBool && b.IsBoolFlag(),
				Folder: valueName == "folder",
				Values: values[f.Name],
			})
		})
		out = append(out, cc)
	}
	return out
}

func writeCompletion(w io.Writer, s shell, cmds []command, tr msg.Translator) error {
	t, err := template.New(s.name).Funcs(template.FuncMap{
		"join": strings.Join,
		"names": func(cs []completedCommand) string {
			var names []string
			for _, c := range cs {
				names = append(names, c.Name)
			}
			return strings.Join(names, " ")
		},
		"flags": func(fs []completedFlag, prefix, sep string, keep string) string {
			var names []string
			for _, f := range fs {
				if keep == "folder" && !f.Folder || keep == "value" && (f.Bool || f.Folder || f.Values != nil) {
					continue
				}
				names = append(names, prefix+f.Name)
			}
			return strings.Join(names, sep)
		},
		// Quoting inside single quotes, for each shell.
		"zsh":        strings.NewReplacer(`'`, `'\''`, `[`, `\[`, `]`, `\]`, `:`, `\:`).Replace,
		"fish":       strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace,
		"powershell": strings.NewReplacer(`'`, `''`).Replace,
	}).Parse(s.script)
	if err != nil {
		return err
	}
	return t.Execute(w, completed(cmds, tr))
}

const bashCompletion = `# bash completion for congkhai, made by "congkhai completion bash".
# Load it:  source <(congkhai completion bash)
_congkhai() {
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	if [[ $COMP_CWORD -eq 1 ]]; then
		COMPREPLY=($(compgen -W "{{names .}} help --help --version" -- "$cur"))
		return
	fi
	case ${COMP_WORDS[1]} in
{{- range .}}
	{{.Name}})
{{- if .Flags}}
		case $prev in
{{- with flags .Flags "--" "|" "folder"}}
		{{.}}) COMPREPLY=($(compgen -d -- "$cur")); return ;;
{{- end}}
{{- range .Flags}}{{if .Values}}
		--{{.Name}}) COMPREPLY=($(compgen -W "{{join .Values " "}}" -- "$cur")); return ;;
{{- end}}{{end}}
{{- with flags .Flags "--" "|" "value"}}
		{{.}}) return ;;
{{- end}}
		esac
{{- end}}
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "{{with flags .Flags "--" " " ""}}{{.}} {{end}}--help" -- "$cur"))
			return
		fi
{{- if .Words}}
		if [[ $COMP_CWORD -eq 2 ]]; then
			COMPREPLY=($(compgen -W "{{join .Words " "}}" -- "$cur"))
		fi
{{- end}}
		;;
{{- end}}
	help)
		COMPREPLY=($(compgen -W "{{names .}}" -- "$cur"))
		;;
	esac
}
complete -o default -F _congkhai congkhai
`

const zshCompletion = `#compdef congkhai
# zsh completion for congkhai, made by "congkhai completion zsh".
# Load it:  source <(congkhai completion zsh)
_congkhai() {
	local -a commands
	commands=(
{{- range .}}
		'{{.Name}}:{{zsh .Summary}}'
{{- end}}
		'help:show the help of a command'
	)
	if (( CURRENT == 2 )); then
		_describe -t commands 'congkhai command' commands
		return
	fi
	local cmd=${words[2]}
	shift words
	(( CURRENT-- ))
	case $cmd in
{{- range .}}
	{{.Name}})
		_arguments -s \
{{- range .Flags}}
			'{{if .Bool}}--{{.Name}}[{{zsh .Usage}}]{{else}}--{{.Name}}=[{{zsh .Usage}}]:{{.Name}}:{{if .Folder}}_files -/{{else if .Values}}({{join .Values " "}}){{end}}{{end}}' \
{{- end}}
{{- if .Words}}
			'1:{{.Name}}:({{join .Words " "}})' \
{{- end}}
			'--help[show the help of {{.Name}}]'{{if .TakesArgs}} \
			'*:file:_files'{{end}}
		;;
{{- end}}
	help)
		_describe -t commands 'congkhai command' commands
		;;
	esac
}
if [ "$funcstack[1]" = "_congkhai" ]; then
	_congkhai "$@"
else
	compdef _congkhai congkhai
fi
`

const fishCompletion = `# fish completion for congkhai, made by "congkhai completion fish".
# Load it:  congkhai completion fish | source
complete -c congkhai -f
complete -c congkhai -n __fish_use_subcommand -l version -d 'print the version'
complete -c congkhai -n __fish_use_subcommand -a help -d 'show the help of a command'
{{- range .}}
complete -c congkhai -n __fish_use_subcommand -a {{.Name}} -d '{{fish .Summary}}'
{{- end}}
complete -c congkhai -n '__fish_seen_subcommand_from help' -a '{{names .}}'
{{- range $c := .}}
{{- range .Flags}}
complete -c congkhai -n '__fish_seen_subcommand_from {{$c.Name}}' -l {{.Name}}{{if .Folder}} -r -a '(__fish_complete_directories)'{{else if .Values}} -x -a '{{join .Values " "}}'{{else if not .Bool}} -x{{end}} -d '{{fish .Usage}}'
{{- end}}
{{- if .Words}}
complete -c congkhai -n '__fish_seen_subcommand_from {{.Name}}; and not __fish_seen_subcommand_from {{join .Words " "}}' -a '{{join .Words " "}}'
{{- end}}
{{- end}}
`

const powershellCompletion = `# PowerShell completion for congkhai, made by "congkhai completion powershell".
# Load it:  congkhai completion powershell | Out-String | Invoke-Expression
Register-ArgumentCompleter -Native -CommandName congkhai -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $commands = [ordered]@{
{{- range .}}
        '{{.Name}}' = @{ Flags = @({{range .Flags}}'--{{.Name}}', {{end}}'--help'); Words = @({{range $i, $w := .Words}}{{if $i}}, {{end}}'{{powershell $w}}'{{end}}); Values = @{ {{- range .Flags}}{{if .Values}} '--{{.Name}}' = @({{range $i, $v := .Values}}{{if $i}}, {{end}}'{{powershell $v}}'{{end}}){{end}}{{end}} } }
{{- end}}
    }
    $elements = @($commandAst.CommandElements | ForEach-Object { $_.ToString() })
    if ($elements.Count -lt 2 -or ($elements.Count -eq 2 -and $wordToComplete -ne '')) {
        $candidates = @($commands.Keys) + @('help', '--help', '--version')
    } elseif ($elements[1] -eq 'help') {
        $candidates = @($commands.Keys)
    } elseif ($commands.Contains($elements[1])) {
        $command = $commands[$elements[1]]
        $previous = if ($wordToComplete -ne '') { $elements[-2] } else { $elements[-1] }
        if ($command.Values.ContainsKey($previous)) {
            $candidates = @($command.Values[$previous])
        } else {
            $candidates = @($command.Flags) + @($command.Words)
        }
    } else {
        return
    }
    $candidates | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
        [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
    }
}
`
