package main

import (
	"runtime/debug"
	"strings"
	"testing"
)

// TestVersionText: the module version and the revision come from the
// build information Go records, which a release's stamps override.
func TestVersionText(t *testing.T) {
	release := &debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "3f2a1b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a"},
		{Key: "vcs.time", Value: "2026-09-25T08:00:00Z"},
		{Key: "vcs.modified", Value: "false"},
	}}
	working := &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "abc123"}, {Key: "vcs.modified", Value: "true"},
	}}
	for _, tc := range []struct {
		name      string
		info      *debug.BuildInfo
		want      []string
		stampV    string
		stampRev  string
		notWanted string
	}{
		{name: "release", info: release, want: []string{"congkhai v1.2.0\n", "revision: 3f2a1b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a (2026-09-25T08:00:00Z)\n"}, notWanted: "uncommitted"},
		{name: "working copy", info: working, want: []string{"congkhai devel\n", "revision: abc123, with uncommitted changes\n"}},
		{name: "no build information", want: []string{"congkhai devel\n", "revision: unknown"}},
		{name: "stamped", stampV: "v1.3.0", stampRev: "fedcba", want: []string{"congkhai v1.3.0\n", "revision: fedcba\n"}},
		{name: "stamped over the information", info: working, stampV: "v1.3.0", want: []string{"congkhai v1.3.0\n", "revision: abc123, with"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := versionText(tc.info, tc.stampV, tc.stampRev)
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("versionText:\n%s\nwant it to contain %q", got, w)
				}
			}
			if tc.notWanted != "" && strings.Contains(got, tc.notWanted) {
				t.Errorf("versionText:\n%s\nhas %q", got, tc.notWanted)
			}
			if !strings.Contains(got, "\ngo: go1.") || !strings.Contains(got, "\necharts: ") {
				t.Errorf("versionText:\n%s\nlacks the go or echarts line", got)
			}
		})
	}
}
