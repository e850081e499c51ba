package config

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/congkhai/congkhai/internal/contacts"
	"github.com/congkhai/congkhai/internal/contacts/phone"
	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/tomlfile"
)

// Feedback is how citizens rate a service and where they send a
// complaint or proposal (phản ánh, kiến nghị).
type Feedback struct {
	// SurveyURL is the satisfaction survey; {ma_thu_tuc} is replaced by
	// the procedure's code and {diem_tiep_nhan} by the reception point's
	// id, each escaped for a query.
	SurveyURL   string `toml:"survey_url"`
	NationalURL string `toml:"national_url"` // the national feedback system
	Hotline     string `toml:"hotline"`
	Email       string `toml:"email"`
	Address     string `toml:"address"`     // postal address for letters
	AnswerTime  string `toml:"answer_time"` // how long an answer takes, as citizens read it

	Tel phone.Number `toml:"-"` // Hotline, parsed
}

// Channels reports whether any feedback channel is given.
func (f Feedback) Channels() bool {
	return f.NationalURL != "" || f.Hotline != "" || f.Email != "" || f.Address != ""
}

// StatusLookup is where citizens follow their dossier in the one-stop
// software.
type StatusLookup struct {
	URL string `toml:"url"`
	// URLTemplate is the software's address of one dossier, where
	// {so_ho_so} stands for its number: the lookup page fills it in (with
	// JavaScript; URL without).
	URLTemplate string `toml:"url_template"`
}

// Accessibility is the portal's accessibility statement.
type Accessibility struct {
	Standard string `toml:"standard"` // "WCAG 2.1 mức AA"
	// Status is "day_du" (meets it), "mot_phan" (partly) or "chua" (not
	// yet).
	Status       string        `toml:"status"`
	Meets        []string      `toml:"meets"`         // what the portal does
	Limits       []string      `toml:"limits"`        // known limits, each with what is done about it
	OtherFormats string        `toml:"other_formats"` // how to ask for another format
	Email        string        `toml:"email"`
	Phone        string        `toml:"phone"`
	AnswerTime   string        `toml:"answer_time"`
	Reviewed     tomlfile.Date `toml:"reviewed"` // when the statement was last checked

	Tel phone.Number `toml:"-"`
}

// StatusLabel is the wording of Status within a sentence: "fully meets"
// (đáp ứng đầy đủ); the zero Text for an unknown status.
func (a Accessibility) StatusLabel() msg.Text {
	switch a.Status {
	case "day_du":
		return msg.T("fully meets")
	case "mot_phan":
		return msg.T("partly meets")
	case "chua":
		return msg.T("does not yet meet")
	}
	return msg.Text{}
}

// Given reports whether site.toml has an accessibility statement.
func (a Accessibility) Given() bool { return a.Standard != "" || a.Status != "" }

func (c *Config) validateOffice(doc *tomlfile.Doc, problems *problem.List) {
	link := func(path, s string) {
		if s == "" {
			return
		}
		u, err := url.Parse(s)
		if err != nil || u.Scheme != "https" || u.Host == "" {
			doc.Errorf(problems, path, "%q is not a web address starting with https://", s)
		}
	}
	tel := func(path, s string) phone.Number {
		if strings.TrimSpace(s) == "" {
			return phone.Number{}
		}
		n, err := phone.Parse(s)
		if err != nil {
			doc.Errorf(problems, path, "%v", err)
		} else if n.Kind() == phone.Mobile {
			doc.Errorf(problems, path, "%s is a mobile number: give the agency's landline or switchboard", n)
		}
		return n
	}
	email := func(path string, s *string) {
		if *s == "" {
			return
		}
		canon, err := contacts.ParseEmail(*s)
		if err != nil {
			doc.Errorf(problems, path, "%v", err)
			return
		}
		*s = string(canon)
	}
	f := &c.Feedback
	email("feedback.email", &f.Email)
	link("feedback.survey_url", f.SurveyURL)
	if f.SurveyURL != "" && !strings.Contains(f.SurveyURL, "{ma_thu_tuc}") {
		doc.Errorf(problems, "feedback.survey_url", "has no {ma_thu_tuc}: write where the survey takes the procedure's code, such as https://dichvucong.example.gov.vn/danh-gia?ma_thu_tuc={ma_thu_tuc}")
	}
	link("feedback.national_url", f.NationalURL)
	f.Tel = tel("feedback.hotline", f.Hotline)
	if f.Channels() && strings.TrimSpace(f.AnswerTime) == "" {
		doc.Errorf(problems, "feedback.answer_time", "required with a feedback channel: how long an answer takes, such as \"Trả lời trong 10 ngày làm việc\"")
	}
	link("status_lookup.url", c.StatusLookup.URL)
	if t := c.StatusLookup.URLTemplate; t != "" {
		link("status_lookup.url_template", strings.Replace(t, "{so_ho_so}", "1", 1))
		switch {
		case strings.Count(t, "{so_ho_so}") != 1:
			doc.Errorf(problems, "status_lookup.url_template", "must hold {so_ho_so} once, where the dossier number goes, such as https://motcua.example.gov.vn/tra-cuu?ma_ho_so={so_ho_so}")
		case c.StatusLookup.URL == "":
			doc.Errorf(problems, "status_lookup.url", "required with url_template: the lookup page itself, for browsers without JavaScript")
		}
	}

	a := &c.Accessibility
	if !a.Given() {
		return
	}
	if strings.TrimSpace(a.Standard) == "" {
		doc.Errorf(problems, "accessibility.standard", "required: the standard the portal is measured against, such as \"WCAG 2.1 mức AA\"")
	}
	if a.StatusLabel().IsZero() {
		doc.Errorf(problems, "accessibility.status", "%q is not a status: use \"day_du\", \"mot_phan\" or \"chua\"", a.Status)
	}
	if a.Status != "day_du" && len(a.Limits) == 0 {
		doc.Errorf(problems, "accessibility.limits", "required unless status is \"day_du\": the known limits, each with what is done about it")
	}
	for i, s := range a.Meets {
		if strings.TrimSpace(s) == "" {
			doc.Errorf(problems, fmt.Sprintf("accessibility.meets[%d]", i), "required")
		}
	}
	for i, s := range a.Limits {
		if strings.TrimSpace(s) == "" {
			doc.Errorf(problems, fmt.Sprintf("accessibility.limits[%d]", i), "required")
		}
	}
	if strings.TrimSpace(a.OtherFormats) == "" {
		doc.Errorf(problems, "accessibility.other_formats", "required: how to ask for a page in another format (large print, audio, easy-to-read)")
	}
	if a.Email == "" && a.Phone == "" {
		doc.Errorf(problems, "accessibility.email", "required: an e-mail address or a phone for accessibility requests")
	}
	email("accessibility.email", &a.Email)
	a.Tel = tel("accessibility.phone", a.Phone)
	if !a.Reviewed.Given() {
		doc.Errorf(problems, "accessibility.reviewed", "required: the day the statement was last checked, such as 2026-10-15")
	}
}
