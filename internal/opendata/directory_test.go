package opendata

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/congkhai/congkhai/internal/contacts"
	"github.com/congkhai/congkhai/internal/problem"
)

// exampleDirectory is the example portal's data/danh-ba.toml.
func exampleDirectory(t *testing.T) *contacts.Directory {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "data", "danh-ba.toml"))
	if err != nil {
		t.Fatal(err)
	}
	var problems problem.List
	d := contacts.Parse(contacts.FileName, src, &problems)
	if d == nil || problems.Errors() > 0 {
		t.Fatalf("the example directory does not load: %v", problems.Err())
	}
	return d
}

func directoryInput(d *contacts.Directory) DirectoryInput {
	today := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	return DirectoryInput{Directory: d, Occurrences: d.Occurrences(today, 2), Calendar: "https://x.gov.vn/lich.ics",
		VCard: func(p *contacts.Person) string { return "https://x.gov.vn/danh-ba/" + p.ID + ".vcf" }}
}

// TestDirectoryJSON: the export of the example directory matches its
// schema and holds every hotline and person with their numbers, and no
// consent record.
func TestDirectoryJSON(t *testing.T) {
	d := exampleDirectory(t)
	out, err := DirectoryJSON(directoryInput(d), meta())
	if err != nil {
		t.Fatal(err)
	}
	validate(t, "directory", DirectorySchema(), out)
	var doc struct {
		Hotlines []struct{ ID, Number, Tel string } `json:"hotlines"`
		People   []struct {
			ID     string `json:"id"`
			Phones []struct{ Number, Tel string }
		} `json:"people"`
		Receptions []struct{ Date string } `json:"receptions"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Hotlines) != len(d.Hotlines) || len(doc.People) != len(d.People) || len(doc.Receptions) == 0 {
		t.Fatalf("%d hotlines, %d people, %d receptions; want %d, %d and some", len(doc.Hotlines), len(doc.People), len(doc.Receptions), len(d.Hotlines), len(d.People))
	}
	if h := doc.Hotlines[0]; h.ID != "1022" || h.Number != "1022" || h.Tel != "tel:1022" {
		t.Errorf("first hotline %+v", h)
	}
	if strings.Contains(string(out), "consent") || strings.Contains(string(out), "Văn bản đồng ý") {
		t.Error("the export publishes the consent record of a mobile, which the page does not show")
	}
}

// TestDirectoryCSV: one row per organization, hotline and person.
func TestDirectoryCSV(t *testing.T) {
	d := exampleDirectory(t)
	out, err := DirectoryCSV(d)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(out), bom))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if want := 1 + len(d.Organizations) + len(d.Hotlines) + len(d.People); len(rows) != want {
		t.Errorf("%d rows, want %d", len(rows), want)
	}
	found := false
	for _, r := range rows {
		if r[0] == "can_bo" && r[1] == "chu-tich" {
			found = r[5] == "0274 3800 101; 0912 000 101" && r[6] == "chutich.thudaumot@example.gov.vn"
		}
	}
	if !found {
		t.Error("the row of chu-tich is missing or lacks its numbers and e-mail")
	}
}
