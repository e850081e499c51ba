package datafiles

// CountReads makes f read from disk with read, so that a test can count
// the reads.
func (f *Folder) CountReads(read func(name string) ([]byte, error)) {
	f.readDisk = func(name string, _ int64) ([]byte, error) { return read(name) }
}

// Kept is the number of files whose bytes f still keeps.
func (f *Folder) Kept() int { return len(f.read) }
