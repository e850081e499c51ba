//go:build !linux && !darwin

package publish

import "errors"

// exchange is not available here: Commit moves the old site aside and the
// new one in, with two renames.
func exchange(a, b string) error { return noExchange{errors.ErrUnsupported} }
