package watch

import (
	"strconv"
	"strings"
)

// isEditorFile reports whether a file named name is an editor's temporary,
// swap or backup file, which never affects the site. Hidden files are all
// editor files here; that covers vim's .x.md.swp, Emacs's .#x.md lock,
// gedit's .goutputstream-* and Kate's .x.md.kate-swp.
func isEditorFile(name string) bool {
	if strings.HasPrefix(name, ".") {
		return true
	}
	if len(name) > 1 && strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#") {
		return true // Emacs auto-save: #x.md#
	}
	suffixes := [...]string{
		"~",            // vim, Emacs, Kate backups: x.md~
		".swp", ".swx", // vim swap files
		".tmp",         // temporary copies renamed into place: x.md.tmp
		"___jb_tmp___", // JetBrains safe write: the new content
		"___jb_old___", // JetBrains safe write: the previous content
		".crswap",      // Chromium's File System Access API
		".kate-swp",    // Kate
	}
	for _, s := range suffixes {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	return isVimProbe(name)
}

// isVimProbe reports whether name is the file vim creates to test whether
// it may write in a folder: 4913, or 4913 plus a multiple of 123 when that
// name is taken.
func isVimProbe(name string) bool {
	n, err := strconv.Atoi(name)
	return err == nil && n >= 4913 && (n-4913)%123 == 0 && name == strconv.Itoa(n)
}
