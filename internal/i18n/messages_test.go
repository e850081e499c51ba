package i18n

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/tools/go/packages"

	"github.com/congkhai/congkhai/internal/msg"
)

const module = "github.com/congkhai/congkhai"

// quiet are the packages whose words never reach an editor: test helpers
// and the corpus generator of the benchmarks.
var quiet = []string{
	module + "/cmd/corpus",
	module + "/internal/boundtest",
	module + "/internal/browsertest",
	module + "/internal/corpus",
	module + "/internal/echarts/bundle", // go generate's, for developers
	module + "/internal/schematest",
	module + "/internal/linkcheck/linkchecktest",
	module + "/internal/txtartest",
}

// use is one message the code writes.
type use struct {
	key   string
	pos   token.Position
	plain bool // a flag's help: printed as it is, so it has no verbs
}

// TestEveryMessageIsTranslated reads the code as the compiler does and
// finds every message: the format of each call to a function that takes
// (format string, args ...any) in congkhai's packages (msg.T, msg.Errorf,
// problem.List.Errorf and those that pass theirs on), and each flag's
// help. Each must have a Vietnamese translation with the same verbs, and
// each translation must still be used. It also fails on the ways a
// message would escape translation: fmt.Errorf or errors.New outside
// package msg, a format that is not a constant, and a Problem built with
// its Message spelt out.
func TestEveryMessageIsTranslated(t *testing.T) {
	// The texts of the layouts and of the browser scripts, which the
	// layouts give them.
	layoutFiles := []string{"theme.toml", "scripts.toml"}
	uses, faults := messagesInCode(t)
	for _, f := range faults {
		t.Error(f)
	}
	cat, err := Load(Vietnamese)
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, u := range uses {
		used[u.key] = true
		if !hasWords(u.key) {
			continue // "%s: %v" says nothing to translate
		}
		tr := cat.Translate(u.key)
		if tr == "" {
			t.Errorf("%s: no Vietnamese for %q", u.pos, u.key)
			continue
		}
		if u.plain && strings.ContainsRune(u.key, '%') {
			t.Errorf("%s: %q: a flag's help is printed as it is: write no %% in it", u.pos, u.key)
		}
		if err := SameVerbs(u.key, tr); err != nil {
			t.Errorf("%s: %s: %q: %v", cat.files[u.key], u.pos, u.key, err)
		}
	}
	for _, key := range slices.Sorted(maps.Keys(cat.messages)) {
		// The layouts' texts, and the scripts', are checked against the
		// layouts by the tests of package render.
		if !used[key] && !slices.Contains(layoutFiles, filepathBase(cat.files[key])) {
			t.Errorf("%s: %q is not a message of the code any more: remove it", cat.files[key], key)
		}
	}
}

func messagesInCode(t *testing.T) ([]use, []string) {
	t.Helper()
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo,
		Dir:  "../..",
	}
	pkgs, err := packages.Load(cfg, module+"/...")
	if err != nil {
		t.Fatal(err)
	}
	var uses []use
	var faults []string
	for _, pkg := range pkgs {
		for _, e := range pkg.Errors {
			t.Fatalf("%s: %v", pkg.PkgPath, e)
		}
		if slices.Contains(quiet, pkg.PkgPath) {
			continue
		}
		for _, file := range pkg.Syntax {
			u, f := messagesInFile(pkg, file)
			uses = append(uses, u...)
			faults = append(faults, f...)
		}
	}
	if len(uses) < 100 {
		t.Fatalf("found only %d messages: the search is broken", len(uses))
	}
	return uses, faults
}

func messagesInFile(pkg *packages.Package, file *ast.File) ([]use, []string) {
	var uses []use
	var faults []string
	info := pkg.TypesInfo
	pos := func(n ast.Node) token.Position { return pkg.Fset.Position(n.Pos()) }
	constString := func(e ast.Expr) (string, bool) {
		tv, ok := info.Types[e]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
			return "", false
		}
		return constant.StringVal(tv.Value), true
	}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CompositeLit:
			if named := namedType(info.TypeOf(n)); named == module+"/internal/problem.Problem" && pkg.PkgPath != module+"/internal/problem" {
				for _, el := range n.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Message" {
							faults = append(faults, fmt.Sprintf("%s: a Problem's Message is set as it is: use Say with a message (msg.T)", pos(kv)))
						}
					}
				}
			}
		case *ast.CallExpr:
			fn := callee(info, n)
			sig, _ := info.TypeOf(n.Fun).(*types.Signature)
			if sig == nil {
				return true
			}
			switch {
			case fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "fmt" && fn.Name() == "Errorf",
				fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "errors" && fn.Name() == "New":
				if pkg.PkgPath != module+"/internal/msg" {
					faults = append(faults, fmt.Sprintf("%s: %s.%s: use msg.Errorf, whose words can be translated", pos(n), fn.Pkg().Name(), fn.Name()))
				}
				return true
			case fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "fmt" && printsWords[fn.Name()]:
				file := pkg.PkgPath + "/" + filepathBase(pos(n).Filename)
				if slices.Contains(wordsAllowed, file) {
					return true
				}
				for _, a := range n.Args {
					if s, ok := constString(a); ok && hasPhrase(s) && !slices.Contains(wordsAllowed, file+": "+s) {
						faults = append(faults, fmt.Sprintf("%s: fmt.%s writes %q, which cannot be translated: write a message (msg.T) instead", pos(a), fn.Name(), s))
						break
					}
				}
				return true
			case fn != nil && isFlagSetMethod(fn):
				if len(n.Args) > 0 {
					if s, ok := constString(n.Args[len(n.Args)-1]); ok {
						uses = append(uses, use{key: s, pos: pos(n), plain: true})
					}
				}
				return true
			}
			i := formatIndex(sig)
			if i < 0 || i >= len(n.Args) || fn == nil || fn.Pkg() == nil || !strings.HasPrefix(fn.Pkg().Path(), module) {
				return true
			}
			for _, a := range n.Args[i+1:] {
				if call, ok := ast.Unparen(a).(*ast.CallExpr); ok {
					if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Error" && len(call.Args) == 0 && types.Implements(info.TypeOf(sel.X), errorType) {
						faults = append(faults, fmt.Sprintf("%s: %s.Error() is an error's English words: pass the error itself (%%v), whose message is translated", pos(a), types.ExprString(sel.X)))
					}
				}
				if why := wordsOutside(info, a); why != "" {
					faults = append(faults, fmt.Sprintf("%s: %s: make it a msg.Text, or list it in data if it holds no words of congkhai's", pos(a), why))
				}
			}
			if s, ok := constString(n.Args[i]); ok {
				if (s == "%s" || s == "%v") && len(n.Args) == i+2 && isString(info.TypeOf(n.Args[i+1])) && !isConstant(info, n.Args[i+1]) {
					faults = append(faults, fmt.Sprintf("%s: the whole message is a string, which cannot be translated: pass a msg.Text (msg.Plain for words that are not congkhai's)", pos(n.Args[i+1])))
				}
				uses = append(uses, use{key: s, pos: pos(n.Args[i])})
			} else if id, ok := n.Args[i].(*ast.Ident); !ok || id.Name != "format" {
				faults = append(faults, fmt.Sprintf("%s: the format of %s is not a constant, so it cannot be translated", pos(n.Args[i]), fn.Name()))
			}
		}
		return true
	})
	return uses, faults
}

// printsWords are the functions of fmt that write words of their own
// when a constant they are given holds some.
var printsWords = map[string]bool{
	"Print": true, "Printf": true, "Println": true,
	"Fprint": true, "Fprintf": true, "Fprintln": true,
	"Sprint": true, "Sprintf": true, "Sprintln": true,
	"Append": true, "Appendf": true, "Appendln": true,
}

// wordsAllowed are the files (package path/file name), or the formats in
// a file (path/file: format), whose fmt calls write words that are not
// messages to an editor.
var wordsAllowed = []string{
	// The TOML library's own words, which plainTypeError rewrites.
	module + "/internal/tomlfile/typecheck.go: TOML value has type %s; destination has type %s",
	// What the open data pages say of the procedures export and of each
	// procedure in the feeds, in the site's language.
	module + "/internal/build/opendata.go: Mọi thủ tục hành chính công khai trên cổng (%d thủ tục), đủ mọi trường: mã, tên, lĩnh vực, cấp và cơ quan thực hiện, cách nộp, thời hạn và phí, lệ phí, thành phần hồ sơ, căn cứ pháp lý, nguồn và ngày đồng bộ với Cơ sở dữ liệu quốc gia về thủ tục hành chính.",
	// The files a new site or page starts with, in the site's language.
	module + "/internal/scaffold/scaffold.go",
	// What version prints is read by programs as much as by people, as
	// go version's is.
	module + "/cmd/congkhai/version.go",
	// The marker file of serve's private folder, read by the next serve.
	module + "/internal/serve/private.go",
}

func filepathBase(name string) string { return name[strings.LastIndexByte(name, '/')+1:] }

// data are the functions of congkhai that return a string of the input
// or of names, never words of its own, so their results need no
// translation when a message quotes them.
var data = []string{
	"internal/contacts.day",                  // a date, 2026-12-03
	"internal/contacts.Clock.String",         // a time of day, 07:30
	"internal/contacts.kindFor",              // a kind of phone of the file, "mobile"
	"internal/contacts/phone.Number.Display", // a phone number, 0912 345 678
	"internal/contacts/phone.quote",          // the input in quotes
	"internal/contacts/phone.shortList",      // the short codes, 113, 114, 115
	"internal/dataset.FormatPlain",           // a number of the file
	"internal/dataset.example",               // a number, 95,5
	"internal/dataset.quoteByte",             // a delimiter in quotes
	"internal/problem.Quoted",                // values in quotes
	"internal/render.lowerFirst",             // a label already in the page's language, in lower case
	"cmd/congkhai.shellWord",                 // a folder name, quoted for a shell
	"cmd/congkhai.quotedRest",                // the command's arguments
	// Figures and data names written in a page's language already.
	"internal/locale.Locale.Date",
	"internal/locale.Locale.Day",
	"internal/locale.Locale.OnDay",
	"internal/locale.Locale.DayMonth",
	"internal/locale.Locale.Int",
	"internal/locale.Locale.Number",
	"internal/locale.Locale.VND",
	"internal/locale.Locale.FileSize",
	"internal/locale.Locale.Month",
	"internal/locale.Locale.Quarter",
	"internal/locale.Locale.MonthLong",
	"internal/locale.Locale.QuarterLong",
	"internal/locale.Locale.YearLong",
	"internal/locale.Locale.DayLong",
	"internal/locale.Locale.Weekday",
	"internal/locale.Locale.T",
	"internal/locale.Locale.Plural",
	"internal/locale.Locale.Text",
	"internal/locale.Locale.NameOf",
	// A content file's name in a language, gioi-thieu.en.md.
	"internal/content.langFile",
	// Language codes in quotes, "vi", "en".
	"internal/config.langCodes",
	// A language's name in itself, Tiếng Việt, English.
	"internal/i18n.Lang.Name",
	// A chart's data names, figures and periods, and its words written
	// through the page's locale: already in the page's language.
	"internal/chart.withUnit",
	"internal/chart.categoryLong",
	"internal/chart.inText",
	"internal/chart.opening",
	"internal/chart.seriesName",
	"internal/chart.FormerName",
	"internal/chart.change",
	"internal/chart.lowerFirst",
	"internal/chart.upperFirst",
}

// wordsOutside says why a, an argument of a message, may hold English
// words that escape translation: a string made by a function of congkhai
// (which should return a msg.Text), by fmt.Sprintf, or by joining
// strings. It is "" for an argument that cannot.
func wordsOutside(info *types.Info, a ast.Expr) string {
	tv, ok := info.Types[a]
	if !ok || tv.Value != nil {
		return "" // a constant is the code's own words: T it where it is written
	}
	if b, ok := tv.Type.Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
		return ""
	}
	switch a := ast.Unparen(a).(type) {
	case *ast.BinaryExpr:
		if a.Op == token.ADD {
			if w := wordsOutside(info, a.X); w != "" {
				return w
			}
			return wordsOutside(info, a.Y)
		}
	case *ast.CallExpr:
		fn := callee(info, a)
		if fn == nil || fn.Pkg() == nil {
			return ""
		}
		name := fn.Pkg().Path() + "." + fn.Name()
		if f, ok := fn.(*types.Func); ok {
			if recv := f.Signature().Recv(); recv != nil {
				name = namedType(recv.Type()) + "." + fn.Name()
			}
		}
		switch {
		case name == "fmt.Sprintf" || name == "fmt.Sprint":
			if len(a.Args) > 0 {
				if tv, ok := info.Types[a.Args[0]]; ok && tv.Value != nil && !hasWords(constant.StringVal(tv.Value)) {
					return ""
				}
			}
			return name + " writes words that cannot be translated"
		case strings.HasPrefix(name, module) && !slices.Contains(data, strings.TrimPrefix(name, module+"/")):
			return strings.TrimPrefix(name, module+"/") + " returns a string"
		}
	}
	return ""
}

// phrase is two words one space apart: what a sentence for people holds,
// and a field path (menu[%d].url), a file name or a protocol's line
// (User-agent: *) does not.
var phrase = regexp.MustCompile(`\pL{2,} \pL{2,}`)

// hasPhrase reports whether a format holds a phrase besides its verbs.
func hasPhrase(format string) bool {
	var b strings.Builder
	last := 0
	for _, v := range msg.Verbs(format) {
		b.WriteString(format[last:v.Start])
		b.WriteString("\x00")
		last = v.End
	}
	b.WriteString(format[last:])
	return phrase.MatchString(b.String())
}

// hasWords reports whether a format holds letters besides its verbs.
func hasWords(format string) bool {
	last := 0
	for _, v := range msg.Verbs(format) {
		if strings.IndexFunc(format[last:v.Start], unicode.IsLetter) >= 0 {
			return true
		}
		last = v.End
	}
	return strings.IndexFunc(format[last:], unicode.IsLetter) >= 0
}

// callee is the function or func-typed variable a call calls.
func callee(info *types.Info, call *ast.CallExpr) types.Object {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return info.Uses[f]
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[f]; ok {
			return sel.Obj()
		}
		return info.Uses[f.Sel]
	}
	return nil
}

// formatIndex is the index of the format parameter of a function that
// takes (format string, args ...any), or -1. Locale.Plural's
// (one, other string, args ...any) counts too: other is the form every
// language translates, one is English only.
func formatIndex(sig *types.Signature) int {
	n := sig.Params().Len()
	if !sig.Variadic() || n < 2 {
		return -1
	}
	last, ok := sig.Params().At(n - 1).Type().(*types.Slice)
	if !ok {
		return -1
	}
	format := sig.Params().At(n - 2)
	if iface, ok := last.Elem().Underlying().(*types.Interface); !ok || !iface.Empty() {
		return -1
	}
	// A plural's two forms are (one, other string, args ...any): the
	// other is the key; the form for one is English only.
	if b, ok := format.Type().(*types.Basic); !ok || b.Kind() != types.String || (format.Name() != "format" && format.Name() != "other") {
		return -1
	}
	return n - 2
}

func isFlagSetMethod(fn types.Object) bool {
	f, ok := fn.(*types.Func)
	if !ok || f.Pkg() == nil || f.Pkg().Path() != "flag" {
		return false
	}
	recv := f.Signature().Recv()
	if recv == nil || namedType(recv.Type()) != "flag.FlagSet" {
		return false
	}
	// The methods that define a flag take its usage last: String, Var,
	// BoolFunc and the others; Lookup, Set and Parse do not.
	sig := f.Signature()
	last := sig.Params().Len() - 1
	return last > 0 && sig.Params().At(last).Name() == "usage"
}

func namedType(t types.Type) string {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	return n.Obj().Pkg().Path() + "." + n.Obj().Name()
}

var errorType = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

func isConstant(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil
}
