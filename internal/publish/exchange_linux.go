package publish

import "golang.org/x/sys/unix"

// exchange swaps a and b with renameat2(RENAME_EXCHANGE) (Linux 3.15; ext4,
// XFS, Btrfs, tmpfs and overlayfs have it). A file system without it
// answers EINVAL.
func exchange(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if err == unix.EINVAL || err == unix.ENOSYS || err == unix.EOPNOTSUPP {
		return noExchange{err}
	}
	return err
}
