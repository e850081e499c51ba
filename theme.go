// Package congkhai is the repository root: the example portal and the
// built-in theme. Its layouts/ and assets/ folders are compiled into the
// congkhai command, so any site builds without layouts of its own, and a
// site's layouts/ or assets/ file replaces the built-in one of the same name.
package congkhai

import "embed"

// Theme holds layouts/ (html/template files) and assets/ (CSS and scripts,
// published with a content hash in their names).
//
//go:embed layouts assets
var Theme embed.FS
