package chart

import "github.com/congkhai/congkhai/internal/locale"

// vi is the locale of the Vietnamese pages, for the tests.
var vi = locale.Vietnamese()
