package main

import (
	"strings"
	"testing"
)

// TestCompletionNamesEverything: every shell's script names every command
// and every flag of each, and the words and values completion offers.
func TestCompletionNamesEverything(t *testing.T) {
	cmds := commands()
	for _, s := range shells() {
		var b strings.Builder
		if err := writeCompletion(&b, s, cmds); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		script := b.String()
		for _, c := range completed(cmds) {
			if !strings.Contains(script, c.Name) {
				t.Errorf("%s: no command %s", s.name, c.Name)
			}
			for _, f := range c.Flags {
				name := "--" + f.Name
				if s.name == "fish" {
					name = "-l " + f.Name
				}
				if !strings.Contains(script, name) {
					t.Errorf("%s: %s has no flag %s", s.name, c.Name, name)
				}
				for _, v := range f.Values {
					if !strings.Contains(script, v) {
						t.Errorf("%s: %s --%s has no value %s", s.name, c.Name, f.Name, v)
					}
				}
			}
			for _, w := range c.Words {
				if !strings.Contains(script, w) {
					t.Errorf("%s: %s has no word %s", s.name, c.Name, w)
				}
			}
		}
	}
}

// TestCompletedFlags: what completion reads of a command's flags.
func TestCompletedFlags(t *testing.T) {
	var check completedCommand
	for _, c := range completed(commands()) {
		if c.Name == "check" {
			check = c
		}
	}
	flags := map[string]completedFlag{}
	for _, f := range check.Flags {
		flags[f.Name] = f
	}
	if f := flags["source"]; !f.Folder || f.Bool {
		t.Errorf("--source: %+v, want a folder", f)
	}
	if f := flags["strict"]; !f.Bool {
		t.Errorf("--strict: %+v, want a bool", f)
	}
	if f := flags["format"]; len(f.Values) < 3 || f.Folder || f.Bool {
		t.Errorf("--format: %+v, want values", f)
	}
}
