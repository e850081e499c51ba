package main

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/congkhai/congkhai/internal/problem"
)

// TestCodeQualityFingerprints: a problem's fingerprint does not change
// when only its line does, and two alike problems of one file differ.
func TestCodeQualityFingerprints(t *testing.T) {
	report := func(ps ...problem.Problem) []codeQualityIssue {
		var b bytes.Buffer
		writeCodeQuality(&b, ps, false)
		var issues []codeQualityIssue
		if err := json.Unmarshal(b.Bytes(), &issues); err != nil {
			t.Fatal(err)
		}
		return issues
	}
	empty := problem.Problem{File: "content/a.md", Line: 7, Message: "an empty list item"}
	moved := empty
	moved.Line = 9
	before, after := report(empty, empty), report(moved, moved)
	if before[0].Fingerprint != after[0].Fingerprint || before[1].Fingerprint != after[1].Fingerprint {
		t.Error("a problem that only moved has another fingerprint")
	}
	if before[0].Fingerprint == before[1].Fingerprint {
		t.Error("two problems have one fingerprint")
	}
	stale := report(problem.Problem{File: "content/b.md", Field: "synced_at", Message: "last synced", Severity: problem.Warning})[0]
	if stale.Severity != "minor" || stale.Location.Lines.Begin != 1 || stale.CheckName != "congkhai: synced_at" || stale.Description != "synced_at: last synced" {
		t.Errorf("warning: %+v", stale)
	}
}
