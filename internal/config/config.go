// Package config loads site.toml: the portal's title, address, language,
// the jurisdiction it speaks for and the date its information is current as
// of. Templates read everything local from here; nothing about a province is
// written into them.
package config

import (
	"fmt"
	"maps"
	"net/mail"
	"net/url"
	"os"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/congkhai/congkhai/internal/i18n"
	"github.com/congkhai/congkhai/internal/limits"
	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/procedure"
	"github.com/congkhai/congkhai/internal/rawfile"
	"github.com/congkhai/congkhai/internal/tomlfile"
	"github.com/congkhai/congkhai/internal/vntext"
)

// FileName is the name of the configuration file in a site folder.
const FileName = "site.toml"

// Config is site.toml.
type Config struct {
	Title        string        `toml:"title"`
	Description  string        `toml:"description"`
	BaseURL      string        `toml:"base_url"`
	Language     string        `toml:"language"`
	AsOf         tomlfile.Date `toml:"as_of"`
	Notice       string        `toml:"notice"`
	Jurisdiction Jurisdiction  `toml:"jurisdiction"`
	Procedures   Procedures    `toml:"procedures"`
	Directory    Directory     `toml:"directory"`
	OpenData     OpenData      `toml:"open_data"`
	Menu         []MenuItem    `toml:"menu"`
	// Languages are the site's editions in other languages than
	// Language, by their code ([languages.en]).
	Languages map[string]Edition `toml:"languages"`
	// Feedback, StatusLookup and Accessibility are the friendly office's
	// settings: the survey and feedback channels, the dossier status
	// lookup, the accessibility statement.
	Feedback      Feedback      `toml:"feedback"`
	StatusLookup  StatusLookup  `toml:"status_lookup"`
	Accessibility Accessibility `toml:"accessibility"`

	// Base is the parsed base URL, always ending in "/".
	Base *url.URL `toml:"-"`
	// editions are the site's languages, its default first (Editions).
	editions []*Edition
}

// Edition is the site in one language: the default one at the root of
// the site, from the top-level settings, and each of [languages.<code>]
// under its path:
//
//	[languages.en]
//	name = "English"                 # optional: the language's name in itself
//	path = "/en/"                    # optional: /<code>/
//	title = "Thu Dau Mot Ward portal"
//	description = "Administrative procedures, hotlines and performance of Thu Dau Mot Ward."
//	notice = "…"                     # optional
//	[[languages.en.menu]]
//	title = "Procedures"
//	url = "/en/thu-tuc/"
type Edition struct {
	Lang        i18n.Lang  `toml:"-"`
	Name        string     `toml:"name"`
	Path        string     `toml:"path"`
	Title       string     `toml:"title"`
	Description string     `toml:"description"`
	Notice      string     `toml:"notice"`
	Menu        []MenuItem `toml:"menu"`
	// Default is set for the site's own language, published at the root.
	Default bool `toml:"-"`
}

// Prefix is what the edition's addresses start with before the site's
// paths: "" for the default language, "/en" for English at /en/.
func (e *Edition) Prefix() string { return strings.TrimSuffix(e.Path, "/") }

// Editions returns the site's languages, its default first, then the
// others by code.
func (c *Config) Editions() []*Edition {
	if c.editions == nil {
		// A Config made in code rather than loaded: its one language.
		lang, ok := i18n.Parse(c.Language)
		if !ok {
			lang = i18n.Default
		}
		return []*Edition{c.defaultEdition(lang)}
	}
	return c.editions
}

// defaultEdition is the site in its own language lang, at the root, with
// the top-level title, description, notice and menu.
func (c *Config) defaultEdition(lang i18n.Lang) *Edition {
	return &Edition{Lang: lang, Name: lang.Name(), Path: "/", Title: c.Title, Description: c.Description, Notice: c.Notice, Menu: c.Menu, Default: true}
}

// Edition returns the site's edition in lang, or nil.
func (c *Config) Edition(lang i18n.Lang) *Edition {
	for _, e := range c.Editions() {
		if e.Lang == lang {
			return e
		}
	}
	return nil
}

// OtherLang is the language of the page at sitePath (a site path such as
// /thu-tuc/x/, with a #fragment or ?query or not) as edition e links to
// it: the default edition's code when it is one of that edition's pages,
// "" when it is a page of e, a file (a form, an image: in no language),
// not a site path, or e is the default edition. The body's links, the
// layouts' and the menus' are marked by it.
func (c *Config) OtherLang(e *Edition, sitePath string) string {
	if e == nil || e.Default {
		return ""
	}
	p, _, _ := strings.Cut(sitePath, "#")
	p, _, _ = strings.Cut(p, "?")
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, e.Path) {
		return ""
	}
	// A folder (/v1.2/) is a page; a name with an extension other than
	// .html is a file.
	if ext := path.Ext(p); !strings.HasSuffix(p, "/") && ext != "" && ext != ".html" {
		return ""
	}
	return string(c.Editions()[0].Lang)
}

// In returns site.toml as the edition reads it: the title, description,
// notice, menu and language of the edition in place of the top-level
// ones. The default edition's is c itself.
func (c *Config) In(e *Edition) *Config {
	if e == nil || e.Default {
		return c
	}
	out := *c
	out.Title, out.Description, out.Notice, out.Menu = e.Title, e.Description, e.Notice, e.Menu
	out.Language = string(e.Lang)
	return &out
}

// Jurisdiction is the administrative unit the portal speaks for.
type Jurisdiction struct {
	ID     string `toml:"id"`
	Name   string `toml:"name"`
	Level  string `toml:"level"` // tinh | xa | huyen (archive of a former district)
	Parent string `toml:"parent"`
}

// LevelLabel is the name of the jurisdiction's level, as procedures name
// theirs: Commune level (Cấp xã).
func (j Jurisdiction) LevelLabel() msg.Text {
	switch l := procedure.Level(j.Level); l {
	case procedure.LevelTinh, procedure.LevelXa, procedure.LevelHuyen:
		return l.Label()
	}
	return msg.Plain(j.Level)
}

// Procedures configures the procedures section.
type Procedures struct {
	Section        string   `toml:"section"`          // folder under content/, default thu-tuc
	Popular        []string `toml:"popular"`          // codes shown first on the home page
	StaleAfterDays int      `toml:"stale_after_days"` // warn when synced_at is older; default 90
	// PageSize is how many procedures a list page shows; longer lists are
	// split into numbered pages, so that no page grows with the site.
	// Default 100.
	PageSize int `toml:"page_size"`
}

// Directory configures the pages made from data/danh-ba.toml.
type Directory struct {
	// Months is how many months of concrete reception dates the schedule
	// page and calendar file show, counted from the reference date;
	// default 3.
	Months int `toml:"months"`
}

// OpenData is the [open_data] table: the licence under which the portal
// publishes its data (the exports under /du-lieu/, the DCAT catalogue) and
// who publishes it. Without the table the exports are still published,
// and their pages say that no licence was declared.
//
//	[open_data]
//	license = "Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)"
//	license_url = "https://creativecommons.org/licenses/by/4.0/deed.vi"
//	publisher = "Ủy ban nhân dân phường Thủ Dầu Một"   # optional: default the jurisdiction's name
//	email = "ubnd.thudaumot@example.gov.vn"           # optional: whom to ask about the data
type OpenData struct {
	License    string `toml:"license"`
	LicenseURL string `toml:"license_url"`
	Publisher  string `toml:"publisher"`
	Email      string `toml:"email"`
}

// HasLicense reports whether the site declares the licence of its data.
func (o OpenData) HasLicense() bool { return o.License != "" }

// MenuItem is one entry of the main navigation.
type MenuItem struct {
	Title string `toml:"title"`
	URL   string `toml:"url"`
}

// Overrides are settings given on the command line; they win over site.toml.
type Overrides struct {
	BaseURL string
}

// Load reads site.toml from the site folder dir, records every problem in
// problems and returns the configuration (nil when it cannot be used).
func Load(dir string, o Overrides, problems *problem.List) *Config {
	src, err := rawfile.ReadRegular(dir+"/"+FileName, limits.ConfigBytes)
	if err != nil {
		if os.IsNotExist(err) {
			problems.Errorf(FileName, 0, "", "not found: every site needs a %s in its folder (%s)", FileName, dir)
		} else {
			problems.Errorf(FileName, 0, "", "%s", rawfile.ReadProblem(err))
		}
		return nil
	}
	doc := tomlfile.New(FileName, src, 1)
	var c Config
	before := problems.Errors()
	if !doc.Decode(&c, problems) {
		return nil
	}
	if o.BaseURL != "" {
		c.BaseURL = o.BaseURL
	}
	c.validate(doc, problems, o.BaseURL != "")
	if problems.Errors() > before {
		return nil
	}
	return &c
}

// languageTag is a BCP 47 language tag as pages use them: vi, en, en-GB.
var languageTag = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

func (c *Config) validate(doc *tomlfile.Doc, problems *problem.List, baseFromFlag bool) {
	required := func(path, value string) {
		if strings.TrimSpace(value) == "" {
			doc.Errorf(problems, path, "required")
		}
	}
	required("title", c.Title)
	required("language", c.Language)
	if l := strings.TrimSpace(c.Language); l != "" && !languageTag.MatchString(l) {
		// It is the pages' <html lang>: a screen reader picks its voice by it.
		doc.Errorf(problems, "language", "%q is not a language code: write the code of the pages' language, \"vi\" for Vietnamese (\"en\" for English)", c.Language)
	}
	required("jurisdiction.id", c.Jurisdiction.ID)
	required("jurisdiction.name", c.Jurisdiction.Name)
	required("jurisdiction.level", c.Jurisdiction.Level)

	if base, err := ParseBaseURL(c.BaseURL); err != nil {
		if baseFromFlag {
			problems.Errorf("--base-url", 0, "", "%v", err)
		} else {
			doc.Errorf(problems, "base_url", "%v", err)
		}
	} else {
		c.Base = base
	}
	if !c.AsOf.Given() {
		doc.Errorf(problems, "as_of", "required: the date the information is current as of, such as 2025-07-15")
	}
	tomlfile.CheckEarliest(doc.Reporter(problems), "as_of", c.AsOf, msg.T("write the day the site's information is current as of, such as 2025-07-15"))
	if c.Jurisdiction.ID != "" && !vntext.IsSlug(c.Jurisdiction.ID) {
		doc.Errorf(problems, "jurisdiction.id", "%s", vntext.NotSlug(c.Jurisdiction.ID, "phuong-thu-dau-mot"))
	}
	switch c.Jurisdiction.Level {
	case "", "tinh", "xa", "huyen":
	default:
		doc.Errorf(problems, "jurisdiction.level", "%q is not a level: use \"tinh\" or \"xa\" (\"huyen\" only for the archive of a former district)", c.Jurisdiction.Level)
	}
	if c.Procedures.Section == "" {
		c.Procedures.Section = "thu-tuc"
	} else if !vntext.IsSlug(c.Procedures.Section) {
		doc.Errorf(problems, "procedures.section", "%q is not a folder name under content/: use lowercase letters, digits and hyphens", c.Procedures.Section)
	}
	// A setting left out takes its default; a 0 written is a value, out
	// of range, not a setting left out.
	unset := func(path string, v int) bool { return v == 0 && !doc.Has(path) }
	switch {
	case unset("procedures.page_size", c.Procedures.PageSize):
		c.Procedures.PageSize = 100
	case c.Procedures.PageSize < 10 || c.Procedures.PageSize > 1000:
		doc.Errorf(problems, "procedures.page_size", "must be between 10 and 1000 procedures per page")
	}
	switch {
	case unset("procedures.stale_after_days", c.Procedures.StaleAfterDays):
		c.Procedures.StaleAfterDays = 90
	case c.Procedures.StaleAfterDays <= 0:
		doc.Errorf(problems, "procedures.stale_after_days", "must be a positive number of days")
	}
	switch {
	case unset("directory.months", c.Directory.Months):
		c.Directory.Months = 3
	case c.Directory.Months < 1 || c.Directory.Months > 24:
		doc.Errorf(problems, "directory.months", "must be between 1 and 24 months")
	}
	c.OpenData.validate(doc, problems)
	if c.OpenData.Publisher == "" {
		c.OpenData.Publisher = c.Jurisdiction.Name
	}
	c.validateOffice(doc, problems)
	checkMenu(doc, problems, "menu", c.Menu, required)
	c.validateLanguages(doc, problems, required)
}

func checkMenu(doc *tomlfile.Doc, problems *problem.List, at string, menu []MenuItem, required func(path, value string)) {
	for i, m := range menu {
		p := fmt.Sprintf("%s[%d]", at, i)
		required(p+".title", m.Title)
		if !strings.HasPrefix(m.URL, "/") || strings.HasPrefix(m.URL, "//") {
			doc.Errorf(problems, p+".url", "%q must be a path inside the site starting with /, such as /thu-tuc/", m.URL)
		}
	}
}

// validateLanguages checks [languages.<code>] and lists the editions: the
// default language, whose settings are the top-level ones, then each
// other language at its path.
func (c *Config) validateLanguages(doc *tomlfile.Doc, problems *problem.List, required func(path, value string)) {
	def, ok := i18n.Parse(c.Language)
	if !ok || string(def) != strings.TrimSpace(c.Language) {
		if len(c.Languages) > 0 && strings.TrimSpace(c.Language) != "" && languageTag.MatchString(strings.TrimSpace(c.Language)) {
			doc.Errorf(problems, "language", "%q: a site with [languages] must be in a language congkhai writes pages in: %s", c.Language, langCodes(""))
		}
		def = i18n.Default
	}
	c.editions = []*Edition{c.defaultEdition(def)}
	for _, code := range slices.Sorted(maps.Keys(c.Languages)) {
		e := c.Languages[code]
		at := "languages." + code
		lang, ok := i18n.Parse(code)
		switch {
		case !ok || string(lang) != code:
			doc.Errorf(problems, at, "%q is not a language congkhai writes pages in: use %s", code, langCodes(def))
			continue
		case lang == def:
			doc.Errorf(problems, at, "%q is the site's own language (language = %q): its title and menu are the top-level ones; remove [%s]", code, c.Language, at)
			continue
		}
		e.Lang = lang
		if strings.TrimSpace(e.Name) == "" {
			e.Name = lang.Name()
		}
		if e.Path == "" {
			e.Path = "/" + code + "/"
		} else if seg := strings.Trim(e.Path, "/"); !strings.HasPrefix(e.Path, "/") || !strings.HasSuffix(e.Path, "/") || !vntext.IsSlug(seg) || strings.Contains(seg, "/") {
			doc.Errorf(problems, at+".path", "%q must be one folder at the root of the site, such as \"/%s/\"", e.Path, code)
		}
		required(at+".title", e.Title)
		checkMenu(doc, problems, at+".menu", e.Menu, required)
		c.editions = append(c.editions, &e)
	}
}

// langCodes lists the languages congkhai writes pages in, but for the
// site's own (but, "" for none).
func langCodes(but i18n.Lang) string {
	var codes []string
	for _, l := range i18n.Langs() {
		if l != but {
			codes = append(codes, strconv.Quote(string(l)))
		}
	}
	return strings.Join(codes, ", ")
}

// validate checks the licence: a name and an absolute http(s) address go
// together, and the contact address is a bare e-mail address.
func (o *OpenData) validate(doc *tomlfile.Doc, problems *problem.List) {
	o.License = strings.TrimSpace(o.License)
	o.LicenseURL = strings.TrimSpace(o.LicenseURL)
	o.Publisher = strings.TrimSpace(o.Publisher)
	o.Email = strings.TrimSpace(o.Email)
	switch {
	case o.License == "" && o.LicenseURL != "":
		doc.Errorf(problems, "open_data.license", "required with open_data.license_url: the licence's name, such as \"Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)\"")
	case o.License != "" && o.LicenseURL == "":
		doc.Errorf(problems, "open_data.license_url", "required with open_data.license: the address of the licence's text, such as \"https://creativecommons.org/licenses/by/4.0/deed.vi\"")
	}
	if o.LicenseURL != "" {
		if u, err := url.Parse(o.LicenseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			doc.Errorf(problems, "open_data.license_url", "%q is not an absolute http(s) address such as https://creativecommons.org/licenses/by/4.0/", o.LicenseURL)
		}
	}
	if o.Email != "" {
		if _, err := mail.ParseAddress(o.Email); err != nil || strings.ContainsAny(o.Email, "<> ") || strings.Count(o.Email, "@") != 1 {
			doc.Errorf(problems, "open_data.email", "%q is not an e-mail address: write only the address, such as dulieu@example.gov.vn", o.Email)
		}
	}
}

// ParseBaseURL checks a base URL: absolute http or https, no query or
// fragment. The path may be a subfolder such as /portal/; a missing
// trailing slash is added.
func ParseBaseURL(s string) (*url.URL, error) {
	if s == "" {
		return nil, msg.Errorf("required: the address the site is published at, such as https://example.gov.vn/ or https://example.gov.vn/portal/")
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return nil, msg.Errorf("%q is not an absolute http(s) address such as https://example.gov.vn/", s)
	}
	if u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || u.User != nil {
		return nil, msg.Errorf("%q must not have a query, fragment or user name", s)
	}
	p := path.Clean("/" + u.Path)
	if p != "/" {
		p += "/"
	}
	u.Path = p
	u.RawPath = ""
	return u, nil
}

// Langs returns the languages of the site's pages, its default first.
func (c *Config) Langs() []i18n.Lang {
	var out []i18n.Lang
	for _, e := range c.Editions() {
		out = append(out, e.Lang)
	}
	return out
}

// BasePath is the path part of the base URL: "/" or "/portal/".
func (c *Config) BasePath() string { return c.Base.Path }

// AbsURL turns a site path (/thu-tuc/) into an absolute URL.
func (c *Config) AbsURL(sitePath string) string {
	u := *c.Base
	u.Path = strings.TrimSuffix(c.Base.Path, "/") + sitePath
	return u.String()
}

// RelURL turns a site path (/thu-tuc/) into a root-relative URL that
// includes the base path (/portal/thu-tuc/).
func (c *Config) RelURL(sitePath string) string {
	return strings.TrimSuffix(c.Base.Path, "/") + sitePath
}

// FieldLine finds the line of a field of site.toml in the site folder dir,
// for problems found once the whole site is known.
func FieldLine(dir, field string) int {
	src, err := rawfile.ReadRegular(dir+"/"+FileName, limits.ConfigBytes)
	if err != nil {
		return 0
	}
	return tomlfile.New(FileName, src, 1).Line(field)
}
