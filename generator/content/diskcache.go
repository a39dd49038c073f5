package content

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"hash"
	"io"
	"os"
	"path/filepath"
	"time"
	"unsafe"

	"clustersite/generator/program"
)

// A diskCache keeps what decoding the assessment files gave from one
// build to the next, in one file in a folder outside the site (Options.
// CacheDir), so that a build decodes only the files that changed since the
// last one. Decoding with BurntSushi/toml is about a quarter of the
// processor time of a 10,000-cluster build.
//
// It can never answer with anything but what decoding the file's current
// bytes with this program gives:
//
//   - a record is found by the SHA-256 of the file's path and bytes, so a
//     file is read and hashed in every build; nothing is trusted from file
//     times, which a git checkout sets anew;
//   - the whole file belongs to one environment, the SHA-256 of this
//     program's executable, the configured portfolios and the bytes of
//     every methodology file: a new program or configuration finds no
//     record and writes a new file;
//   - the file ends with the SHA-256 of everything before it and is
//     replaced by renaming a complete new one, so a torn or damaged file
//     is noticed and ignored, as is any record that does not decode to a
//     whole entry.
//
// A cache that cannot be read or written is no cache: the build decodes
// every file, as without one, and says nothing.
//
// Records are read from the file as files ask for them, not all at once:
// held together, the 70 MB of records of 10,000 clusters and the content
// decoded from them raised the live heap, and with it the soft memory
// limit (main's memory.go), by half.
type diskCache struct {
	file string
	// env is the SHA-256 of diskCacheMagic, programID and decodingEnv:
	// the file is used only when it starts with the same.
	env [sha256.Size]byte
	// f is the file read, open until save; records says where each
	// record lies in it, by key. Both are nil when the file is missing,
	// of another environment or damaged.
	f       *os.File
	records map[[sha256.Size]byte]span
}

// span is where a record lies in the cache's file.
type span struct{ off, n int64 }

// diskCacheFile is the name of the cache's file in Options.CacheDir.
const diskCacheFile = "decoded.bin"

// diskCacheMagic starts the file; its last digit is the format's version.
const diskCacheMagic = "clustersite decoded files 1\n"

// programID identifies the running program (program.ID); tests replace it.
var programID = program.ID

// decodingEnv is the SHA-256 of what decoding an assessment file depends
// on besides its path and bytes: the configured portfolios and the
// methodology files (the digest loadMethodologies returns).
func decodingEnv(portfolios []string, methodologies [sha256.Size]byte) [sha256.Size]byte {
	h := sha256.New()
	writeParts(h, portfolios...)
	h.Write(methodologies[:])
	return [sha256.Size]byte(h.Sum(nil))
}

// writeParts writes the count of parts and each part with its length to
// h, so that different parts can never give the same bytes.
func writeParts(h hash.Hash, parts ...string) {
	var n [binary.MaxVarintLen64]byte
	h.Write(binary.AppendUvarint(n[:0], uint64(len(parts))))
	for _, p := range parts {
		h.Write(binary.AppendUvarint(n[:0], uint64(len(p))))
		io.WriteString(h, p)
	}
}

// openDiskCache returns the cache kept in dir for the decoding environment
// env (decodingEnv), with the records of the last build when they were
// made in the same environment by the same program. It returns nil, no
// cache, when dir is "" or the program cannot be identified.
func openDiskCache(dir string, env [sha256.Size]byte) *diskCache {
	if dir == "" {
		return nil // and no need to hash the executable
	}
	prog := programID()
	if prog == ([sha256.Size]byte{}) {
		return nil
	}
	h := sha256.New()
	h.Write([]byte(diskCacheMagic))
	h.Write(prog[:])
	h.Write(env[:])
	d := &diskCache{file: filepath.Join(dir, diskCacheFile), env: [sha256.Size]byte(h.Sum(nil))}
	f, err := os.Open(d.file)
	if err != nil {
		return d
	}
	if d.records, err = d.index(f); err != nil {
		f.Close()
		return d
	}
	d.f = f
	return d
}

// index reads the cache's file f through once, to check it whole, and
// returns where each record lies; an error when the file is of another
// environment or damaged. f is read by its descriptor from then on, so a
// file renamed over it meanwhile changes nothing.
func (d *diskCache) index(f *os.File) (map[[sha256.Size]byte]span, error) {
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	// The body is everything before the trailer, the SHA-256 of the body.
	body := info.Size() - sha256.Size
	if body < 0 {
		return nil, errDamaged
	}
	sum := sha256.New()
	read := &countingReader{r: io.TeeReader(io.LimitReader(f, body), sum)}
	r := bufio.NewReaderSize(read, 1<<16)
	head := make([]byte, len(diskCacheMagic)+sha256.Size)
	if _, err := io.ReadFull(r, head); err != nil {
		return nil, err
	}
	if string(head[:len(diskCacheMagic)]) != diskCacheMagic || !bytes.Equal(head[len(diskCacheMagic):], d.env[:]) {
		return nil, errors.New("made in another environment")
	}
	// The count and lengths are checked against the bytes left before
	// anything is allocated for them: a damaged number must not make a
	// build reserve gigabytes before the trailer shows the damage.
	left := body - int64(len(head))
	count, err := binary.ReadUvarint(r)
	if err != nil || count > uint64(left)/(sha256.Size+1) {
		return nil, errDamaged
	}
	records := make(map[[sha256.Size]byte]span, count)
	for range count {
		var key [sha256.Size]byte
		if _, err := io.ReadFull(r, key[:]); err != nil {
			return nil, err
		}
		n, err := binary.ReadUvarint(r)
		if err != nil || n > uint64(left) {
			return nil, errDamaged
		}
		records[key] = span{read.n - int64(r.Buffered()), int64(n)}
		// Discarded bytes are read, and hashed, all the same.
		if _, err := r.Discard(int(n)); err != nil {
			return nil, errDamaged
		}
	}
	if _, err := r.ReadByte(); err != io.EOF {
		return nil, errDamaged // more than count records
	}
	var trailer [sha256.Size]byte
	if _, err := f.ReadAt(trailer[:], body); err != nil {
		return nil, err
	}
	if !bytes.Equal(sum.Sum(nil), trailer[:]) {
		return nil, errDamaged
	}
	return records, nil
}

var errDamaged = errors.New("damaged")

// countingReader counts the bytes read through it: less those still
// buffered above it, the offset in the file of what is read next.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// record returns the record at sp in the cache's file.
func (d *diskCache) record(sp span) (string, error) {
	rec := make([]byte, sp.n)
	if _, err := d.f.ReadAt(rec, sp.off); err != nil {
		return "", err
	}
	// rec is never written again: the string can share its bytes, as
	// strings.Builder's does, rather than copy them.
	return unsafe.String(unsafe.SliceData(rec), len(rec)), nil
}

// fileKey is the key of the record of the assessment file at path with
// the bytes data.
func fileKey(path string, data []byte) [sha256.Size]byte {
	h := sha256.New()
	h.Write([]byte(path))
	h.Write([]byte{0})
	h.Write(data)
	return [sha256.Size]byte(h.Sum(nil))
}

// cacheUse is what the cache did for one assessment file.
type cacheUse struct {
	// key of the file's record; zero when the file could not be read.
	key [sha256.Size]byte
	// hit is true when the entry was decoded from the cache's record.
	hit bool
}

// decode returns the entry of the file at path with the bytes data, whose
// fileKey is key: from its record when d has one, by decoding the TOML
// otherwise. It notes in use what it did, for save. A nil d decodes, and
// needs no key.
func (d *diskCache) decode(c *checker, path string, data []byte, key [sha256.Size]byte, use *cacheUse) *entry {
	if d == nil {
		return c.decode(path, data)
	}
	use.key = key
	if sp, ok := d.records[key]; ok {
		if rec, err := d.record(sp); err == nil {
			if e, ok := c.decodeRecord(path, rec); ok {
				use.hit = true
				return e
			}
		}
	}
	return c.decode(path, data)
}

// cacheable reports whether e, just decoded, can be recorded: only files
// without problems are (see record.go).
func cacheable(e *entry) bool {
	return len(e.rep.problems) == 0 && e.profile != nil && e.a != nil && e.a.Methodology != nil
}

// recorded reports whether the file decoded as u says, to e, has a record
// in the cache's next file: when it was decoded from one, or decoded
// without problems.
func recorded(u cacheUse, e *entry) bool {
	return u.hit || u.key != ([sha256.Size]byte{}) && cacheable(e)
}

// save replaces the cache's file with the records of entries, which were
// decoded as uses say, unless it holds exactly those already, and closes
// d. It must run before the entries are assembled, which adds problems to
// them. A nil d saves nothing.
func (d *diskCache) save(entries []*entry, uses []cacheUse) {
	if d == nil {
		return
	}
	if d.f != nil {
		defer d.f.Close()
	}
	hits, count := 0, 0
	for i, u := range uses {
		if recorded(u, entries[i]) {
			count++
		}
		if u.hit {
			hits++
		}
	}
	if hits == count && count == len(d.records) {
		return // the file holds these records and no others
	}
	if err := d.write(entries, uses, count); err != nil {
		return // no cache next time; the build goes on
	}
}

// write writes the file of count records anew, through a temporary file
// renamed over the old one, so that a reader sees the old file or the new
// one, never part of one.
func (d *diskCache) write(entries []*entry, uses []cacheUse, count int) (err error) {
	dir := filepath.Dir(d.file)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	removeStaleTemps(dir)
	f, err := os.CreateTemp(dir, "decoded-*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	sum := sha256.New()
	w := bufio.NewWriterSize(io.MultiWriter(f, sum), 1<<16)
	w.WriteString(diskCacheMagic)
	w.Write(d.env[:])
	var n [binary.MaxVarintLen64]byte
	w.Write(binary.AppendUvarint(n[:0], uint64(count)))
	var buf []byte
	for i, u := range uses {
		if !recorded(u, entries[i]) {
			continue
		}
		w.Write(u.key[:])
		if u.hit {
			rec, err := d.record(d.records[u.key])
			if err != nil {
				return err
			}
			w.Write(binary.AppendUvarint(n[:0], uint64(len(rec))))
			w.WriteString(rec)
		} else {
			buf = appendRecord(buf[:0], entries[i])
			w.Write(binary.AppendUvarint(n[:0], uint64(len(buf))))
			w.Write(buf)
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if _, err := f.Write(sum.Sum(nil)); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), d.file)
}

// removeStaleTemps removes the temporary files in dir that a write killed
// before its rename left behind. A file an hour old belongs to no write
// still running: writing takes a second.
func removeStaleTemps(dir string) {
	temps, _ := filepath.Glob(filepath.Join(dir, "decoded-*.tmp"))
	for _, t := range temps {
		if info, err := os.Stat(t); err == nil && time.Since(info.ModTime()) > time.Hour {
			os.Remove(t)
		}
	}
}
