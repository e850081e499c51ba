// Package phone parses Vietnamese telephone numbers the way editors write
// them ("0274.3822.123", "+84 912 345 678", "(028) 3829 1234") into one
// canonical string of digits, and renders that number the ways a portal
// needs: grouped for reading (0274 3822 123) and as a tel: link
// (tel:+842743822123).
//
// The numbering plan it follows (domain notes §3.2):
//
//	mobile     0[35789] + 8 digits            0912 345 678     tel:+84912345678
//	landline   02 + 9 digits (area + number)  0274 3822 123    tel:+842743822123
//	           (area 24 Hà Nội, 28 HCMC)      028 3829 1234    tel:+842838291234
//	short      111, 113, 114, 115, 1022       1022             tel:1022
//	           1022 after an area code        0274 1022        tel:02741022
//	toll-free  1800 + 4 or 6 digits           1800 1096        tel:18001096
//	premium    1900 + 4 or 6 digits           1900 571 255     tel:1900571255
//
// Short, toll-free and premium numbers can only be dialled inside Viet Nam,
// so their links carry no country code.
package phone

import (
	"strings"

	"github.com/congkhai/congkhai/internal/msg"
)

// Kind is the kind of a number, decided by its digits.
type Kind int

const (
	Invalid  Kind = iota // the zero Number
	Mobile               // di động: 10 digits starting 03, 05, 07, 08 or 09
	Landline             // cố định: 11 digits starting 02
	Short                // số ngắn: a known short code, alone or after an area code
	TollFree             // 1800: free for the caller
	Premium              // 1900: charged to the caller
)

// String is the kind's English name, as used in messages.
// Text is the kind's name in a message ("is a %s number").
func (k Kind) Text() msg.Text {
	switch k {
	case Mobile:
		return msg.T("mobile")
	case Landline:
		return msg.T("landline")
	case Short:
		return msg.T("short code")
	case TollFree:
		return msg.T("toll-free (1800)")
	case Premium:
		return msg.T("premium (1900)")
	}
	return msg.T("invalid")
}

func (k Kind) String() string {
	switch k {
	case Mobile:
		return "mobile"
	case Landline:
		return "landline"
	case Short:
		return "short code"
	case TollFree:
		return "toll-free (1800)"
	case Premium:
		return "premium (1900)"
	}
	return "invalid"
}

// Label is the kind's Vietnamese name, as pages show it.
func (k Kind) Label() string {
	switch k {
	case Mobile:
		return "Điện thoại di động"
	case Landline:
		return "Điện thoại cố định"
	case Short:
		return "Số ngắn"
	case TollFree:
		return "Tổng đài miễn cước (1800)"
	case Premium:
		return "Tổng đài tính cước (1900)"
	}
	return ""
}

// Number is a parsed telephone number. The zero value is no number.
type Number struct {
	digits string
	kind   Kind
}

// Kind returns the kind of the number.
func (n Number) Kind() Kind { return n.kind }

// Digits returns the canonical digits, as dialled inside Viet Nam:
// 0912345678, 02743822123, 1022, 02741022, 18001096.
func (n Number) Digits() string { return n.digits }

// IsZero reports whether n is the zero Number.
func (n Number) IsZero() bool { return n.kind == Invalid }

// String returns Display().
func (n Number) String() string { return n.Display() }

// Display groups the digits the Vietnamese way: 0912 345 678,
// 0274 3822 123, 028 3829 1234, 1022, 0274 1022, 1800 1096, 1900 571 255.
func (n Number) Display() string {
	d := n.digits
	switch n.kind {
	case Mobile:
		return group(d, 4, 3, 3)
	case Landline:
		if a := areaLen(d); a == 2 {
			return group(d, 3, 4, 4)
		}
		return group(d, 4, 4, 3)
	case Short:
		if d[0] == '0' {
			a := areaLen(d) + 1
			return d[:a] + " " + d[a:]
		}
		return d
	case TollFree, Premium:
		if len(d) == 8 {
			return group(d, 4, 4)
		}
		return group(d, 4, 3, 3)
	}
	return ""
}

// TelURI is the number as a tel: link (RFC 3966): tel:+84912345678 for
// mobiles and landlines, and the digits alone (tel:1022, tel:18001096) for
// numbers that can only be dialled inside Viet Nam. It is "" for the zero
// Number.
func (n Number) TelURI() string {
	switch n.kind {
	case Mobile, Landline:
		return "tel:+84" + n.digits[1:]
	case Short, TollFree, Premium:
		return "tel:" + n.digits
	}
	return ""
}

// group splits d into parts of the given sizes, joined by spaces; the last
// part takes whatever is left.
func group(d string, sizes ...int) string {
	var b strings.Builder
	for i, s := range sizes {
		if i > 0 {
			b.WriteByte(' ')
		}
		if i == len(sizes)-1 || s > len(d) {
			b.WriteString(d)
			return b.String()
		}
		b.WriteString(d[:s])
		d = d[s:]
	}
	return b.String()
}

// areaLen returns the length of the area code of a number that starts with
// 0 and an area code: 2 for Hà Nội (24) and Hồ Chí Minh City (28), 3 for
// every other province (274, 254, ...). No 3-digit code starts with 24 or
// 28, so the plan is unambiguous.
func areaLen(d string) int {
	if strings.HasPrefix(d, "024") || strings.HasPrefix(d, "028") {
		return 2
	}
	return 3
}
