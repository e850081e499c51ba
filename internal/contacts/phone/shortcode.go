package phone

import "strings"

// ShortCode is a short number of a public service.
type ShortCode struct {
	Digits string
	Name   string // the service, in Vietnamese
	// AfterAreaCode is true when the code may also be dialled after an area
	// code (0274 1022 reaches Bình Dương's 1022 from a mobile).
	AfterAreaCode bool
}

// ShortCodes returns the short codes Parse accepts. This is the one place
// they are listed; any other short number is an error, so that a typo in a
// hotline number is caught rather than published.
func ShortCodes() []ShortCode {
	return []ShortCode{
		{Digits: "111", Name: "Tổng đài quốc gia bảo vệ trẻ em"},
		{Digits: "113", Name: "Công an"},
		{Digits: "114", Name: "Cứu nạn, cứu hộ, phòng cháy, chữa cháy"},
		{Digits: "115", Name: "Cấp cứu y tế"},
		{Digits: "1022", Name: "Tổng đài tiếp nhận phản ánh, kiến nghị", AfterAreaCode: true},
	}
}

// Service returns the name of the service a short code reaches ("Cấp cứu
// y tế" for 115), or "" when n is not a short code.
func (n Number) Service() string {
	if n.kind != Short {
		return ""
	}
	d := n.digits
	if d[0] == '0' {
		d = d[areaLen(d)+1:]
	}
	sc, _ := lookupShort(d)
	return sc.Name
}

func lookupShort(d string) (ShortCode, bool) {
	for _, sc := range ShortCodes() {
		if sc.Digits == d {
			return sc, true
		}
	}
	return ShortCode{}, false
}

// shortList is "111, 113, 114, 115, 1022" for messages.
func shortList() string {
	codes := ShortCodes()
	parts := make([]string, len(codes))
	for i, sc := range codes {
		parts[i] = sc.Digits
	}
	return strings.Join(parts, ", ")
}
