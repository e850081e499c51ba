package opendata

import (
	"bytes"

	"github.com/congkhai/congkhai/internal/contacts"
	"github.com/congkhai/congkhai/internal/contacts/phone"
	"github.com/congkhai/congkhai/internal/locale"
)

// DirectoryInput is what the directory export is made of: the directory,
// the receptions its schedule page lists, and the addresses of its files.
type DirectoryInput struct {
	Directory   *contacts.Directory
	Occurrences []contacts.Occurrence // the dated receptions the schedule page shows
	Calendar    string                // the absolute address of the iCalendar file
	VCard       func(*contacts.Person) string
	// Locale is the language of the words the export writes (the
	// reception days, the remarks); nil is Vietnamese.
	Locale *locale.Locale
}

// directoryDoc is the directory export, in the order its keys are written.
type directoryDoc struct {
	exportHead
	Calendar       string         `json:"calendar"`
	Organizations  []orgDoc       `json:"organizations"`
	Hotlines       []hotlineDoc   `json:"hotlines"`
	People         []personDoc    `json:"people"`
	ReceptionRules []ruleDoc      `json:"reception_rules"`
	Receptions     []receptionDoc `json:"receptions"`
}

type orgDoc struct {
	Name    string `json:"name"`
	Address string `json:"address"`
	Email   string `json:"email"`
	Phone   string `json:"phone"`
	Tel     string `json:"tel"`
}

type numberDoc struct {
	Label  string `json:"label"`
	Number string `json:"number"`
	Tel    string `json:"tel"`
}

type hotlineDoc struct {
	ID           string      `json:"id"`
	Name         string      `json:"name"`
	Number       string      `json:"number"`
	Tel          string      `json:"tel"`
	OtherNumbers []numberDoc `json:"other_numbers"`
	Hours        string      `json:"hours"`
	Channels     []string    `json:"channels"`
	Email        string      `json:"email"`
	URL          string      `json:"url"`
	Organization string      `json:"organization"`
	Note         string      `json:"note"`
}

type phoneDoc struct {
	Kind   string `json:"kind"`
	Number string `json:"number"`
	Tel    string `json:"tel"`
	Note   string `json:"note"`
}

type personDoc struct {
	ID           string     `json:"id"`
	FullName     string     `json:"full_name"`
	Position     string     `json:"position"`
	Organization string     `json:"organization"`
	Hotline      bool       `json:"hotline"`
	Email        string     `json:"email"`
	Phones       []phoneDoc `json:"phones"`
	Note         string     `json:"note"`
	VCard        string     `json:"vcard"`
}

type ruleDoc struct {
	ID     string `json:"id"`
	HostID string `json:"host_id"`
	Host   string `json:"host"`
	Kind   string `json:"kind"`
	When   string `json:"when"`
	Start  string `json:"start"`
	End    string `json:"end"`
	Place  string `json:"place"`
	Note   string `json:"note"`
}

type receptionDoc struct {
	Date      string `json:"date"`
	Start     string `json:"start"`
	End       string `json:"end"`
	RuleID    string `json:"rule_id"`
	HostID    string `json:"host_id"`
	Host      string `json:"host"`
	Place     string `json:"place"`
	Cancelled bool   `json:"cancelled"`
	Remark    string `json:"remark"`
}

// DirectoryJSON is the directory export: organizations, hotlines and
// people as the directory page shows them (every published number, as
// written for people and as a tel: address), the reception rules and
// the dated receptions of the schedule page. What the page does not show
// (the consent records of personal mobiles) is not published.
func DirectoryJSON(in DirectoryInput, m Meta) ([]byte, error) {
	d := in.Directory
	loc := locale.OrVietnamese(in.Locale)
	doc := directoryDoc{exportHead: head(m), Calendar: in.Calendar,
		Organizations: []orgDoc{}, Hotlines: []hotlineDoc{}, People: []personDoc{}, ReceptionRules: []ruleDoc{}, Receptions: []receptionDoc{}}
	for _, o := range d.Organizations {
		doc.Organizations = append(doc.Organizations, orgDoc{o.Name, o.Address, string(o.Email), display(o.Tel), o.Tel.TelURI()})
	}
	for _, h := range d.Hotlines {
		hd := hotlineDoc{ID: h.ID, Name: h.Name, Number: display(h.Tel), Tel: h.Tel.TelURI(), OtherNumbers: []numberDoc{},
			Hours: h.Hours, Channels: slugs(h.Channels), Email: string(h.Email), URL: h.URL, Organization: h.Organization, Note: h.Note}
		for _, n := range h.Numbers {
			hd.OtherNumbers = append(hd.OtherNumbers, numberDoc{n.Label, display(n.Tel), n.Tel.TelURI()})
		}
		doc.Hotlines = append(doc.Hotlines, hd)
	}
	for _, g := range d.Groups() {
		for _, p := range g.People {
			pd := personDoc{ID: p.ID, FullName: p.FullName, Position: p.Position, Organization: p.Organization, Hotline: p.Hotline,
				Email: string(p.Email), Phones: []phoneDoc{}, Note: p.Note, VCard: in.VCard(p)}
			for _, ph := range p.Phones {
				if ph.Tel.IsZero() {
					continue
				}
				pd.Phones = append(pd.Phones, phoneDoc{string(ph.Kind), display(ph.Tel), ph.Tel.TelURI(), ph.Note})
			}
			doc.People = append(doc.People, pd)
		}
	}
	for i := range d.Reception {
		r := &d.Reception[i]
		rd := ruleDoc{ID: r.ID, HostID: r.Host, Kind: string(r.Kind), When: loc.Text(r.Describe()), Place: r.Place, Note: r.Note}
		if r.HostPerson != nil {
			rd.Host = r.HostPerson.FullName
		}
		if !r.Time.Start.IsZero() {
			rd.Start, rd.End = r.Time.Start.String(), r.Time.End.String()
		}
		doc.ReceptionRules = append(doc.ReceptionRules, rd)
	}
	for _, o := range in.Occurrences {
		rd := receptionDoc{Date: date(o.Date), RuleID: o.Reception.ID, Place: o.Reception.Place, Cancelled: o.Cancelled, Remark: o.Remark(loc)}
		if !o.Start.IsZero() {
			rd.Start, rd.End = o.Start.Format("15:04"), o.End.Format("15:04")
		}
		if o.Host != nil {
			rd.HostID, rd.Host = o.Host.ID, o.Host.FullName
		}
		doc.Receptions = append(doc.Receptions, rd)
	}
	return indent(doc)
}

// display writes a parsed number the Vietnamese way, "" for none.
func display(n phone.Number) string {
	if n.IsZero() {
		return ""
	}
	return n.Display()
}

// DirectoryColumns are the columns of the directory CSV: one row per
// organization, hotline and person, in the order of the directory page.
func DirectoryColumns() []Column {
	return []Column{
		{"type", "Loại: co_quan (cơ quan), duong_day_nong (đường dây nóng), can_bo (cán bộ)", typeCode, ""},
		{"id", "Mã trong danh bạ (đường dây nóng, cán bộ)", typeCode, ""},
		{"name", "Tên cơ quan, đường dây nóng hoặc họ tên", typeText, ""},
		{"position", "Chức vụ", typeText, ""},
		{"organization", "Cơ quan", typeText, ""},
		{"phones", "Số điện thoại", typeList, ""},
		{"email", "Thư điện tử công vụ", typeText, ""},
		{"address", "Địa chỉ", typeText, ""},
		{"hours", "Thời gian tiếp nhận", typeText, ""},
		{"url", "Trang tiếp nhận", typeURL, ""},
		{"note", "Ghi chú", typeText, ""},
	}
}

// DirectoryCSV is the directory as one flat table.
func DirectoryCSV(d *contacts.Directory) ([]byte, error) {
	var b bytes.Buffer
	w, err := NewCSV(&b)
	if err != nil {
		return nil, err
	}
	var header []string
	for _, c := range DirectoryColumns() {
		header = append(header, c.Name)
	}
	rows := [][]string{header}
	for _, o := range d.Organizations {
		rows = append(rows, []string{"co_quan", "", o.Name, "", "", display(o.Tel), string(o.Email), o.Address, "", "", ""})
	}
	for _, h := range d.Hotlines {
		phones := []string{display(h.Tel)}
		for _, n := range h.Numbers {
			phones = append(phones, display(n.Tel))
		}
		rows = append(rows, []string{"duong_day_nong", h.ID, h.Name, "", h.Organization, joinList(phones), string(h.Email), "", h.Hours, h.URL, h.Note})
	}
	for _, g := range d.Groups() {
		for _, p := range g.People {
			var phones []string
			for _, ph := range p.Phones {
				if !ph.Tel.IsZero() {
					phones = append(phones, display(ph.Tel))
				}
			}
			address := ""
			if p.Org != nil {
				address = p.Org.Address
			}
			rows = append(rows, []string{"can_bo", p.ID, p.FullName, p.Position, p.Organization, joinList(phones), string(p.Email), address, "", "", p.Note})
		}
	}
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			return nil, err
		}
	}
	if err := w.Flush(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
