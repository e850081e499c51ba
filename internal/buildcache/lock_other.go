//go:build !unix

package buildcache

import "os"

// lockFolder opens the lock file. Without flock, two builds at once on one
// cache are not kept apart; each entry's checksum still keeps a mixed-up
// pack file from being trusted.
func lockFolder(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
}
