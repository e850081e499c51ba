package publish

import "golang.org/x/sys/unix"

// exchange swaps a and b with renamex_np(RENAME_SWAP) (APFS; HFS+ answers
// ENOTSUP).
func exchange(a, b string) error {
	err := unix.RenamexNp(a, b, unix.RENAME_SWAP)
	if err == unix.ENOTSUP || err == unix.EINVAL {
		return noExchange{err}
	}
	return err
}
