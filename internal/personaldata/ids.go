package personaldata

// IDMatch is one suspected citizen ID number in a text.
type IDMatch struct {
	Line, Col int    // 1-based; the column counts characters
	Masked    string // the 12 digits with the middle six hidden: 0791******89
}

// FindIDs returns every suspected citizen ID number (căn cước công dân)
// in src, in order.
//
// What counts as an ID number: 12 digits whose first three are a province
// code, 001 to 096, written either together (079123456789) or in four
// groups of three separated by one kind of separator, a space, a dot or a
// hyphen (079 123 456 789, 079.123.456.789). The digits must stand alone:
// a longer run of digits, or a number that goes on with the same separator
// (a decimal fraction 0.079123456789, a grouped amount 1.079.123.456.789)
// is not matched; a comma is a CSV separator, never a decimal mark. Phone numbers never match: they have 10 or 11 digits.
func FindIDs(src []byte) []IDMatch {
	ids, _ := find(src, true, false)
	return ids
}

// idAt checks the run of digits line[i:j] (not preceded by a digit) and
// what follows it; it returns the 12 digits of an ID number found there.
func idAt(line []byte, i, j int) (string, bool) {
	continues := func(k int, sep byte) bool { // line[k] is sep followed by a digit
		return k+1 < len(line) && line[k] == sep && isDigit(line[k+1])
	}
	precededBy := func(sep byte) bool { // line[:i] ends in a digit and sep
		return i >= 2 && line[i-1] == sep && isDigit(line[i-2])
	}
	switch j - i {
	case 12:
		d := line[i:j]
		// A comma is not a decimal mark here: in a CSV file it is the
		// separator, and "3,079123456789" is a count and an ID number in
		// two cells. (A fraction of twelve decimals written with a comma
		// is too rare to let an ID number through for it.)
		if !provinceCode(d) || continues(j, '.') || precededBy('.') {
			return "", false
		}
		return string(d), true
	case 3:
		if j >= len(line) || (line[j] != ' ' && line[j] != '.' && line[j] != '-') || precededBy(line[j]) {
			return "", false
		}
		sep := line[j]
		var digits [12]byte
		copy(digits[:], line[i:j])
		k := j
		for g := range 3 {
			if k+4 > len(line) || line[k] != sep || !isDigit(line[k+1]) || !isDigit(line[k+2]) || !isDigit(line[k+3]) {
				return "", false
			}
			copy(digits[3+3*g:], line[k+1:k+4])
			k += 4
		}
		if k < len(line) && isDigit(line[k]) || continues(k, sep) || !provinceCode(digits[:]) {
			return "", false
		}
		return string(digits[:]), true
	}
	return "", false
}

// provinceCode reports whether the ID number d starts with a province
// code, 001 to 096.
func provinceCode(d []byte) bool {
	n := int(d[0]-'0')*100 + int(d[1]-'0')*10 + int(d[2]-'0')
	return n >= 1 && n <= 96
}
