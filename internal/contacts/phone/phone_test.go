package phone

import (
	"errors"
	"testing"
)

func TestParseValid(t *testing.T) {
	tests := []struct {
		in      string
		digits  string
		kind    Kind
		display string
		tel     string
	}{
		// mobiles, in every spelling editors use
		{"0912345678", "0912345678", Mobile, "0912 345 678", "tel:+84912345678"},
		{"0912 345 678", "0912345678", Mobile, "0912 345 678", "tel:+84912345678"},
		{"0912.345.678", "0912345678", Mobile, "0912 345 678", "tel:+84912345678"},
		{"0912-345-678", "0912345678", Mobile, "0912 345 678", "tel:+84912345678"},
		{"091 234 5678", "0912345678", Mobile, "0912 345 678", "tel:+84912345678"},
		{"  0912 345 678  ", "0912345678", Mobile, "0912 345 678", "tel:+84912345678"},
		{"0912\u00a0345\u00a0678", "0912345678", Mobile, "0912 345 678", "tel:+84912345678"},
		{"0912\t345 678", "0912345678", Mobile, "0912 345 678", "tel:+84912345678"},
		{"+84912345678", "0912345678", Mobile, "0912 345 678", "tel:+84912345678"},
		{"+84 912 345 678", "0912345678", Mobile, "0912 345 678", "tel:+84912345678"},
		{"(+84) 912 345 678", "0912345678", Mobile, "0912 345 678", "tel:+84912345678"},
		{"(+84)912.345.678", "0912345678", Mobile, "0912 345 678", "tel:+84912345678"},
		{"+84 (0) 912 345 678", "0912345678", Mobile, "0912 345 678", "tel:+84912345678"},
		{"+840912345678", "0912345678", Mobile, "0912 345 678", "tel:+84912345678"},
		{"84912345678", "0912345678", Mobile, "0912 345 678", "tel:+84912345678"},
		{"84 912 345 678", "0912345678", Mobile, "0912 345 678", "tel:+84912345678"},
		{"0362 345 678", "0362345678", Mobile, "0362 345 678", "tel:+84362345678"},
		{"0567 890 123", "0567890123", Mobile, "0567 890 123", "tel:+84567890123"},
		{"0701 234 567", "0701234567", Mobile, "0701 234 567", "tel:+84701234567"},
		{"0888 123 456", "0888123456", Mobile, "0888 123 456", "tel:+84888123456"},
		// landlines: 3-digit area codes, and Hà Nội / HCMC with 2 digits
		{"02743822123", "02743822123", Landline, "0274 3822 123", "tel:+842743822123"},
		{"0274 3822 123", "02743822123", Landline, "0274 3822 123", "tel:+842743822123"},
		{"(0274) 3822 123", "02743822123", Landline, "0274 3822 123", "tel:+842743822123"},
		{"0274.3822.123", "02743822123", Landline, "0274 3822 123", "tel:+842743822123"},
		{"0274 382 2123", "02743822123", Landline, "0274 3822 123", "tel:+842743822123"},
		{"+84 274 3822 123", "02743822123", Landline, "0274 3822 123", "tel:+842743822123"},
		{"842743822123", "02743822123", Landline, "0274 3822 123", "tel:+842743822123"},
		{"028 3829 1234", "02838291234", Landline, "028 3829 1234", "tel:+842838291234"},
		{"(028) 38.29.12.34", "02838291234", Landline, "028 3829 1234", "tel:+842838291234"},
		{"+84 28 3829 1234", "02838291234", Landline, "028 3829 1234", "tel:+842838291234"},
		{"024 3825 3536", "02438253536", Landline, "024 3825 3536", "tel:+842438253536"},
		{"0254 3852 111", "02543852111", Landline, "0254 3852 111", "tel:+842543852111"},
		// short codes, alone and after an area code
		{"111", "111", Short, "111", "tel:111"},
		{"113", "113", Short, "113", "tel:113"},
		{"114", "114", Short, "114", "tel:114"},
		{"115", "115", Short, "115", "tel:115"},
		{"1022", "1022", Short, "1022", "tel:1022"},
		{"10 22", "1022", Short, "1022", "tel:1022"},
		{"0274 1022", "02741022", Short, "0274 1022", "tel:02741022"},
		{"0274.1022", "02741022", Short, "0274 1022", "tel:02741022"},
		{"028 1022", "0281022", Short, "028 1022", "tel:0281022"},
		// toll-free and premium
		{"18001096", "18001096", TollFree, "1800 1096", "tel:18001096"},
		{"1800 1096", "18001096", TollFree, "1800 1096", "tel:18001096"},
		{"1800.1096", "18001096", TollFree, "1800 1096", "tel:18001096"},
		{"1800 599 920", "1800599920", TollFree, "1800 599 920", "tel:1800599920"},
		{"19001234", "19001234", Premium, "1900 1234", "tel:19001234"},
		{"1900 571 255", "1900571255", Premium, "1900 571 255", "tel:1900571255"},
		{"1900-571-255", "1900571255", Premium, "1900 571 255", "tel:1900571255"},
	}
	for _, tc := range tests {
		n, err := Parse(tc.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.in, err)
			continue
		}
		if n.Digits() != tc.digits || n.Kind() != tc.kind || n.Display() != tc.display || n.TelURI() != tc.tel {
			t.Errorf("Parse(%q) = %s %v %q %q; want %s %v %q %q", tc.in,
				n.Digits(), n.Kind(), n.Display(), n.TelURI(), tc.digits, tc.kind, tc.display, tc.tel)
		}
		if n.String() != n.Display() || n.IsZero() {
			t.Errorf("Parse(%q): String %q, IsZero %v", tc.in, n.String(), n.IsZero())
		}
	}
}

func TestParseInvalid(t *testing.T) {
	const exp = "expected a mobile number such as 0912 345 678 or a landline such as 0274 3822 123"
	tests := []struct{ in, msg string }{
		{"", `"" is empty: ` + exp},
		{"   ", `"   " is empty: ` + exp},
		{"0912 345 67", `"0912 345 67" has 9 digits: expected a mobile number such as 0912 345 678 (10 digits) or a landline such as 0274 3822 123 (11 digits)`},
		{"0912 345 6789", `"0912 345 6789" has 11 digits: a mobile number has 10, such as 0912 345 678`},
		{"0", `"0" has 1 digit: expected a mobile number such as 0912 345 678 (10 digits) or a landline such as 0274 3822 123 (11 digits)`},
		{"0123 456 789", `"0123 456 789" does not start like a mobile number (03, 05, 07, 08 or 09) or a landline (02): ` + exp},
		{"0412 345 678", `"0412 345 678" does not start like a mobile number (03, 05, 07, 08 or 09) or a landline (02): ` + exp},
		{"0612 345 678", `"0612 345 678" does not start like a mobile number (03, 05, 07, 08 or 09) or a landline (02): ` + exp},
		{"01662 345 678", `"01662 345 678" is an old 11-digit mobile number: since 2018 it is "0362 345 678"`},
		{"0123 4567 890", `"0123 4567 890" is an old 11-digit mobile number: since 2018 it is "0834 567 890"`},
		{"0199 123 4567", `"0199 123 4567" is an old 11-digit mobile number: since 2018 it is "0591 234 567"`},
		{"0111 234 5678", `"0111 234 5678" is an old 11-digit mobile number (0162 became 032, 0123 became 083): ` + exp},
		{"0274 382 212", `"0274 382 212" has 10 digits: a landline has 11, the 0, an area code starting with 2 and the subscriber number, such as 0274 3822 123 or 028 3829 1234`},
		{"0274 3822 1234", `"0274 3822 1234" has 12 digits: a landline has 11, the 0, an area code starting with 2 and the subscriber number, such as 0274 3822 123 or 028 3829 1234`},
		{"0650 3822 123", `"0650 3822 123" does not start with 02: landline area codes start with 2 since 2017 (0650 became 0274), such as 0274 3822 123`},
		{"912 345 678", `"912 345 678" is missing the leading 0: write it as "0912 345 678"`},
		{"274 3822 123", `"274 3822 123" is missing the leading 0: write it as "0274 3822 123"`},
		{"1023", `"1023" is not a known short code (111, 113, 114, 115, 1022): ` + exp},
		{"112", `"112" is not a known short code (111, 113, 114, 115, 1022): ` + exp},
		{"1800 109", `"1800 109" has 7 digits: 1800 and 1900 numbers have 8 or 10, such as 1800 1096 or 1900 571 255`},
		{"1900 571 25", `"1900 571 25" has 9 digits: 1800 and 1900 numbers have 8 or 10, such as 1800 1096 or 1900 571 255`},
		{"1800 1096 123", `"1800 1096 123" has 11 digits: 1800 and 1900 numbers have 8 or 10, such as 1800 1096 or 1900 571 255`},
		{"+1 202 555 0100", `"+1 202 555 0100" is not a Vietnamese number: only the country code +84 is accepted, or write the number with its 0, such as 0912 345 678`},
		{"+84", `"+84" has nothing after +84: ` + exp},
		{"+84 1022", `"+84 1022" cannot be dialled with +84: write it as "1022"`},
		{"+84 1800 1096", `"+84 1800 1096" cannot be dialled with +84: write it as "1800 1096"`},
		{"+84 274 1022", `"+84 274 1022" cannot be dialled with +84: write it as "0274 1022"`},
		{"+84 912 345 67", `"+84 912 345 67" has 9 digits: expected a mobile number such as 0912 345 678 (10 digits) or a landline such as 0274 3822 123 (11 digits)`},
		{"0912 +345 678", `"0912 +345 678" has a "+" that is not at the start: only a leading +84 is accepted`},
		{"++84 912 345 678", `"++84 912 345 678" has a "+" that is not at the start: only a leading +84 is accepted`},
		{"0084 912 345 678", `"0084 912 345 678" starts with 0084: write it as "0912 345 678" or "+84 912 345 678"`},
		{"(0274 3822 123", `"(0274 3822 123" has a "(" without its ")": ` + exp},
		{"0274) 3822 123", `"0274) 3822 123" has a ")" without its "(": ` + exp},
		{"((0274)) 3822 123", `"((0274)) 3822 123" has nested parentheses: ` + exp},
		{"0912 345 678 ext 12", `"0912 345 678 ext 12" contains "e", which is not part of a phone number: write one number per entry, with only digits, spaces, dots or hyphens (put an extension or opening hours in a note)`},
		{"0274 3822 123 / 124", `"0274 3822 123 / 124" contains "/", which is not part of a phone number: write one number per entry, with only digits, spaces, dots or hyphens (put an extension or opening hours in a note)`},
		{"0912,345,678", `"0912,345,678" contains ",", which is not part of a phone number: write one number per entry, with only digits, spaces, dots or hyphens (put an extension or opening hours in a note)`},
		{"O912 345 678", `"O912 345 678" contains "O", which is not part of a phone number: write one number per entry, with only digits, spaces, dots or hyphens (put an extension or opening hours in a note)`},
		{"０９１２３４５６７８", `"０９１２３４５６７８" contains "０", which is not part of a phone number: write one number per entry, with only digits, spaces, dots or hyphens (put an extension or opening hours in a note)`},
		{"0912\n345 678", `"0912\n345 678" contains "\n", which is not part of a phone number: write one number per entry, with only digits, spaces, dots or hyphens (put an extension or opening hours in a note)`},
		{"tel:0912345678", `"tel:0912345678" contains "t", which is not part of a phone number: write one number per entry, with only digits, spaces, dots or hyphens (put an extension or opening hours in a note)`},
		{"---", `"---" contains no digits: ` + exp},
		{"()", `"()" contains no digits: ` + exp},
		{"8491234567", `"8491234567" has 10 digits and is not a Vietnamese phone number: ` + exp},
		{"5555", `"5555" has 4 digits and is not a Vietnamese phone number: ` + exp},
		{"12345678901234567890123456789012345678901234567890", `"1234567890123456789012345678901234567890"… has 50 digits and is not a Vietnamese phone number: ` + exp},
		{"0274 1023", `"0274 1023" has 8 digits: a landline has 11, the 0, an area code starting with 2 and the subscriber number, such as 0274 3822 123 or 028 3829 1234`},
	}
	for _, tc := range tests {
		n, err := Parse(tc.in)
		if err == nil {
			t.Errorf("Parse(%q) = %s, want error %s", tc.in, n.Digits(), tc.msg)
			continue
		}
		var pe *Error
		if !errors.As(err, &pe) || pe.Input != tc.in {
			t.Errorf("Parse(%q): error %T %v is not an *Error for the input", tc.in, err, err)
		}
		if err.Error() != tc.msg {
			t.Errorf("Parse(%q)\n got: %s\nwant: %s", tc.in, err, tc.msg)
		}
		if !n.IsZero() || n.Display() != "" || n.TelURI() != "" || n.Kind() != Invalid {
			t.Errorf("Parse(%q) failed but returned %+v", tc.in, n)
		}
	}
	if len(tests) < 25 {
		t.Fatalf("only %d wrong inputs", len(tests))
	}
}

func TestKindLabels(t *testing.T) {
	want := map[Kind][2]string{
		Invalid:  {"invalid", ""},
		Mobile:   {"mobile", "Điện thoại di động"},
		Landline: {"landline", "Điện thoại cố định"},
		Short:    {"short code", "Số ngắn"},
		TollFree: {"toll-free (1800)", "Tổng đài miễn cước (1800)"},
		Premium:  {"premium (1900)", "Tổng đài tính cước (1900)"},
	}
	for k, w := range want {
		if k.String() != w[0] || k.Label() != w[1] {
			t.Errorf("Kind %d: %q %q, want %q %q", k, k.String(), k.Label(), w[0], w[1])
		}
	}
}

func TestShortCodes(t *testing.T) {
	for _, sc := range ShortCodes() {
		n, err := Parse(sc.Digits)
		if err != nil || n.Kind() != Short || n.Service() != sc.Name || sc.Name == "" {
			t.Errorf("short code %s: %v %v %q", sc.Digits, n.Kind(), err, n.Service())
		}
	}
	n, _ := Parse("0274 1022")
	if n.Service() != "Tổng đài tiếp nhận phản ánh, kiến nghị" {
		t.Errorf("0274 1022 service = %q", n.Service())
	}
	if _, err := Parse("0274 113"); err == nil {
		t.Errorf("0274 113 accepted: only 1022 is dialled after an area code")
	}
	m, _ := Parse("0912 345 678")
	if m.Service() != "" {
		t.Errorf("a mobile has service %q", m.Service())
	}
}

func TestOldMobilePrefixes(t *testing.T) {
	// Every 11-digit prefix of before 2018 and its new 3-digit prefix.
	conv := map[string]string{
		"0120": "070", "0121": "079", "0122": "077", "0126": "076", "0128": "078",
		"0123": "083", "0124": "084", "0125": "085", "0127": "081", "0129": "082",
		"0162": "032", "0163": "033", "0164": "034", "0165": "035", "0166": "036",
		"0167": "037", "0168": "038", "0169": "039", "0186": "056", "0188": "058", "0199": "059",
	}
	for old, neu := range conv {
		got := convertOldMobile(old + "1234567")
		if got != neu+"1234567" {
			t.Errorf("convertOldMobile(%s1234567) = %q, want %s1234567", old, got, neu)
		}
		if _, err := Parse(got); err != nil {
			t.Errorf("converted %s does not parse: %v", got, err)
		}
	}
}
