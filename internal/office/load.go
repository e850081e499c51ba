package office

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/congkhai/congkhai/internal/contacts"
	"github.com/congkhai/congkhai/internal/contacts/phone"
	"github.com/congkhai/congkhai/internal/datafiles"
	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/procedure"
	"github.com/congkhai/congkhai/internal/tomlfile"
	"github.com/congkhai/congkhai/internal/vntext"
)

// Load reads data/diem-tiep-nhan.toml from the site folder siteDir with
// readFile (datafiles.Folder.ReadFile, which keeps the bytes for the
// personal-data lint), records every problem and returns the validated
// file: nil when there is none (not a problem) or when it has errors.
func Load(siteDir string, readFile func(name string) ([]byte, error), problems *problem.List) *File {
	src, ok := datafiles.ReadOptional(siteDir, FileName, readFile, problems)
	if !ok {
		return nil
	}
	return Parse(FileName, src, problems)
}

// Parse decodes and validates the text of a file of reception points;
// file is the path shown in problems. It returns nil when there is an
// error.
func Parse(file string, src []byte, problems *problem.List) *File {
	var local problem.List
	defer problems.Merge(&local)
	doc := tomlfile.New(file, src, 1)
	var f File
	if !doc.Decode(&f, &local) {
		return nil
	}
	f.doc = doc
	f.validate(doc, doc.Reporter(&local))
	if local.Errors() > 0 {
		return nil
	}
	return &f
}

// validate checks every point and fills Tel and the canonical e-mails.
func (f *File) validate(doc *tomlfile.Doc, r tomlfile.Reporter) {
	if !f.Updated.Given() {
		r.Errorf("updated", "required: the date the reception points were last checked, such as 2026-10-20")
	}
	tomlfile.CheckEarliest(r, "updated", f.Updated, msg.T("write the day the reception points were last checked, such as 2026-10-20"))
	if len(f.Points) == 0 {
		r.Errorf("points", "required: at least one [[points]] table, each a place that receives dossiers")
	}
	ids := map[string]int{}
	for i := range f.Points {
		f.Points[i].validate(doc, r, fmt.Sprintf("points[%d]", i), ids, i)
	}
}

func required(r tomlfile.Reporter, path, v string, hint msg.Text) bool {
	if strings.TrimSpace(v) != "" {
		return true
	}
	r.Errorf(path, "required: %s", hint)
	return false
}

func (p *Point) validate(doc *tomlfile.Doc, r tomlfile.Reporter, path string, ids map[string]int, i int) {
	if required(r, path+".id", p.ID, msg.T(`a short name in lowercase letters, digits and hyphens, such as "trung-tam-phuc-vu-hanh-chinh-cong"`)) {
		switch j, dup := ids[p.ID]; {
		case !vntext.IsSlug(p.ID):
			r.Errorf(path+".id", "%s", vntext.NotSlug(p.ID, "trung-tam-phuc-vu-hanh-chinh-cong"))
		case dup:
			r.Errorf(path+".id", "%q is already the id of points[%d]: ids must be unique", p.ID, j)
		default:
			ids[p.ID] = i
		}
	}
	required(r, path+".name", p.Name, msg.T(`the place's name, such as "Trung tâm Phục vụ hành chính công phường Thủ Dầu Một"`))
	required(r, path+".address", p.Address, msg.T("the street address citizens go to"))
	if strings.TrimSpace(p.Phone) != "" {
		n, err := phone.Parse(p.Phone)
		if err != nil {
			r.Errorf(path+".phone", "%v", err)
		} else if n.Kind() == phone.Mobile {
			r.Errorf(path+".phone", "%s is a mobile number: give the place's landline or switchboard, which citizens may call without anyone's consent being needed", n)
		}
		p.Tel = n
	}
	if p.Email != "" {
		if canon, err := contacts.ParseEmail(string(p.Email)); err != nil {
			r.Errorf(path+".email", "%v", err)
		} else {
			p.Email = canon
		}
	}
	checkLink(r, path+".booking_url", p.BookingURL)
	checkLink(r, path+".map_url", p.MapURL)
	if len(p.Fields) == 0 && len(p.Procedures) == 0 {
		r.Errorf(path+".fields", "required: the fields it receives (as procedures write them, such as \"Hộ tịch\"), or procedures, a list of codes, or both")
	}
	for j, fl := range p.Fields {
		required(r, fmt.Sprintf("%s.fields[%d]", path, j), fl, msg.T(`a field as procedures write it, such as "Hộ tịch"`))
	}
	for j, c := range p.Procedures {
		if !procedure.ValidCode(c) {
			r.Errorf(fmt.Sprintf("%s.procedures[%d]", path, j), "%q is not a procedure code: codes look like 1.001193", c)
		}
	}
	p.validateHours(r, path)
	p.validateAccessibility(doc, r, path)
}

// checkLink checks an optional address of another site: https only, since
// a citizen follows it from a government page.
func checkLink(r tomlfile.Reporter, path, s string) {
	if s == "" {
		return
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		r.Errorf(path, "%q is not a web address starting with https://", s)
	}
}

// validateHours checks the opening hours: known weekdays, times of day in
// order, and no two times of one day overlapping.
func (p *Point) validateHours(r tomlfile.Reporter, path string) {
	if len(p.Hours) == 0 {
		r.Errorf(path+".hours", "required: at least one [[points.hours]] table with days, open and close, such as days = [\"thu_hai\", \"thu_ba\"], open = 07:30:00, close = 11:30:00")
		return
	}
	type span struct {
		open, close contacts.Clock
		at          int
	}
	byDay := map[contacts.Weekday][]span{}
	for j, h := range p.Hours {
		hp := fmt.Sprintf("%s.hours[%d]", path, j)
		ok := true
		if err := h.Open.Problem("07:30:00"); err != nil {
			r.Errorf(hp+".open", "%v", err)
			ok = false
		}
		if err := h.Close.Problem("11:30:00"); err != nil {
			r.Errorf(hp+".close", "%v", err)
			ok = false
		}
		if ok && !h.Open.Before(h.Close) {
			r.Errorf(hp+".close", "%s is not after open %s: the place must close after it opens", h.Close, h.Open)
			ok = false
		}
		if len(h.Days) == 0 {
			r.Errorf(hp+".days", "required: the weekdays of these hours, such as [\"thu_hai\", \"thu_sau\"]; use one of %s", problem.Quoted(contacts.Weekdays()))
		}
		for k, w := range h.Days {
			dp := fmt.Sprintf("%s.days[%d]", hp, k)
			if !w.Valid() {
				r.Errorf(dp, "%s", problem.NotInVocab(w, msg.T("a weekday"), contacts.Weekdays()))
				continue
			}
			if !ok {
				continue
			}
			for _, s := range byDay[w] {
				if h.Open.Before(s.close) && s.open.Before(h.Close) {
					r.Errorf(dp, "%q %s–%s overlaps hours[%d] (%s–%s): give each time of a day once", w, h.Open, h.Close, s.at, s.open, s.close)
				}
			}
			byDay[w] = append(byDay[w], span{h.Open, h.Close, j})
		}
	}
}

// validateAccessibility requires every feature, true or false.
func (p *Point) validateAccessibility(doc *tomlfile.Doc, r tomlfile.Reporter, path string) {
	a := p.Accessibility
	values := []*bool{a.StepFree, a.WheelchairCounter, a.AccessibleToilet, a.HearingLoop, a.SignLanguage, a.ReaderHelp, a.Priority}
	for k, f := range a.Features() {
		if values[k] == nil {
			r.Errorf(path+".accessibility."+f.Key, "required: true or false (%s): citizens with a disability plan their visit on it", f.Label)
		}
	}
	onRequest := a.SignLanguage != nil && *a.SignLanguage || a.ReaderHelp != nil && *a.ReaderHelp
	if onRequest && strings.TrimSpace(a.Note) == "" {
		r.Errorf(path+".accessibility.note", "required with sign_language or reader_help: how to ask for the help, such as \"Gọi trước 1 ngày làm việc theo số 0274 3800 200\"")
	}
}

// CheckReferences reports, at their lines, the codes of points' procedures
// that no procedure of the site has and the fields no procedure is in:
// isCode says whether a code is a procedure's, fields are the site's
// fields.
func (f *File) CheckReferences(isCode func(string) bool, fields []string, problems *problem.List) {
	known := map[string]bool{}
	for _, fl := range fields {
		known[vntext.Fold(fl)] = true
	}
	for i, p := range f.Points {
		for j, c := range p.Procedures {
			if procedure.ValidCode(c) && !isCode(c) {
				f.doc.Errorf(problems, fmt.Sprintf("points[%d].procedures[%d]", i, j), "%q is not the code of any procedure of the site", c)
			}
		}
		for j, fl := range p.Fields {
			if !known[vntext.Fold(fl)] {
				f.doc.Errorf(problems, fmt.Sprintf("points[%d].fields[%d]", i, j), "%q is not the field of any procedure: use one of %s", fl, problem.Quoted(fields))
			}
		}
	}
}
