package directory

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/rawfile"
)

// DataFiles is the data/ folder of a site as the loaders read it: a file
// read by one loader is not read again by another, nor by
// LintPersonalIDs, which looks at every file of the folder. It is not safe
// for concurrent use.
type DataFiles struct {
	siteDir string
	read    map[string]readResult // by cleaned path
	// readDisk reads a file from disk: rawfile.ReadRegular (a named pipe
	// would block the build), or a count in tests.
	readDisk func(name string) ([]byte, error)
}

type readResult struct {
	src []byte
	err error
}

// NewDataFiles returns the data/ folder of the site folder siteDir, with
// nothing read yet.
func NewDataFiles(siteDir string) *DataFiles {
	return &DataFiles{siteDir: siteDir, read: map[string]readResult{}, readDisk: rawfile.ReadRegular}
}

// ReadFile is os.ReadFile for the loaders; it reads each file once and
// keeps its bytes, or its error, for the next reader and for the lint.
// The bytes must not be changed.
func (f *DataFiles) ReadFile(name string) ([]byte, error) {
	key := filepath.Clean(name)
	if r, ok := f.read[key]; ok {
		return r.src, r.err
	}
	src, err := f.readDisk(name)
	f.read[key] = readResult{src, err}
	return src, err
}

// LintPersonalIDs reports, as errors, every value in every file under the
// site's data/ folder (any extension, comments included) that looks like a
// citizen ID number (căn cước công dân): personal identification numbers
// must never be published (Decree 13/2023/NĐ-CP). A missing data/ folder
// is no problem. Each problem gives file:line:column and the number masked,
// so that the report does not repeat it. Files the loaders read are linted
// in the bytes they read; the others are read now. Call it after the
// loaders: it lets go of the bytes it kept for them.
//
// What counts as an ID number: 12 digits whose first three are a province
// code, 001 to 096, written either together (079123456789) or in four
// groups of three separated by one kind of separator, a space, a dot or a
// hyphen (079 123 456 789, 079.123.456.789). The digits must stand alone:
// a longer run of digits, or a number that goes on with the same separator
// (a decimal fraction 0.079123456789, a grouped amount 1.079.123.456.789)
// is not matched. Phone numbers never match: they have 10 or 11 digits.
func (f *DataFiles) LintPersonalIDs(problems *problem.List) {
	root := filepath.Join(f.siteDir, "data")
	_ = filepath.WalkDir(root, func(path string, de fs.DirEntry, err error) error {
		rel := "data"
		if r, rerr := filepath.Rel(f.siteDir, path); rerr == nil {
			rel = filepath.ToSlash(r)
		}
		if err != nil {
			if path == root && os.IsNotExist(err) {
				return nil
			}
			problems.Errorf(rel, 0, "", "cannot read: %v", err)
			return nil
		}
		if de.IsDir() {
			return nil
		}
		src, err := f.ReadFile(path)
		delete(f.read, filepath.Clean(path)) // no one reads it after the lint
		if err != nil {
			problems.Errorf(rel, 0, "", "cannot read: %v", err)
			return nil
		}
		for _, m := range FindPersonalIDs(src) {
			problems.Add(problem.Problem{
				Severity: problem.Error, File: rel, Line: m.Line, Col: m.Col,
				Message: "looks like a citizen ID number (căn cước, 12 digits) " + m.Masked +
					": personal identification numbers must not be published (Decree 13/2023/NĐ-CP); remove it from the file",
			})
		}
		return nil
	})
}

// IDMatch is one suspected citizen ID number in a text.
type IDMatch struct {
	Line, Col int    // 1-based; the column counts characters
	Masked    string // the 12 digits with the middle six hidden: 0791******89
}

// FindPersonalIDs returns every suspected citizen ID number in src, in
// order. See DataFiles.LintPersonalIDs for what is matched.
func FindPersonalIDs(src []byte) []IDMatch {
	var out []IDMatch
	lineNo := 0
	for line := range strings.SplitSeq(string(src), "\n") {
		lineNo++
		for i := 0; i < len(line); {
			if !isDigit(line[i]) {
				i++
				continue
			}
			j := i
			for j < len(line) && isDigit(line[j]) {
				j++
			}
			if digits, ok := idAt(line, i, j); ok {
				col := utf8.RuneCountInString(strings.ToValidUTF8(line[:i], "?")) + 1
				out = append(out, IDMatch{Line: lineNo, Col: col, Masked: digits[:4] + "******" + digits[10:]})
			}
			i = j
		}
	}
	return out
}

// idAt checks the run of digits line[i:j] (not preceded by a digit) and
// what follows it; it returns the 12 digits of an ID number found there.
func idAt(line string, i, j int) (string, bool) {
	continues := func(k int, sep byte) bool { // line[k] is sep followed by a digit
		return k+1 < len(line) && line[k] == sep && isDigit(line[k+1])
	}
	precededBy := func(sep byte) bool { // line[:i] ends in a digit and sep
		return i >= 2 && line[i-1] == sep && isDigit(line[i-2])
	}
	switch j - i {
	case 12:
		d := line[i:j]
		if !provinceCode(d) || continues(j, '.') || continues(j, ',') || precededBy('.') || precededBy(',') {
			return "", false
		}
		return d, true
	case 3:
		if j >= len(line) || !strings.ContainsRune(" .-", rune(line[j])) || precededBy(line[j]) {
			return "", false
		}
		sep := line[j]
		digits := line[i:j]
		k := j
		for range 3 {
			if k+4 > len(line) || line[k] != sep || !isDigit(line[k+1]) || !isDigit(line[k+2]) || !isDigit(line[k+3]) {
				return "", false
			}
			digits += line[k+1 : k+4]
			k += 4
		}
		if k < len(line) && isDigit(line[k]) || continues(k, sep) || !provinceCode(digits) {
			return "", false
		}
		return digits, true
	}
	return "", false
}

// provinceCode reports whether the ID number d starts with a province
// code, 001 to 096.
func provinceCode(d string) bool {
	n := int(d[0]-'0')*100 + int(d[1]-'0')*10 + int(d[2]-'0')
	return n >= 1 && n <= 96
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
