// Package blobs keeps strings from one build to the next in one file,
// each found by a SHA-256 key: a build stores what is costly to make and
// cheap to keep, such as the HTML of an editor's Markdown. Open reads the
// file once to index it; a value is read from the file when it is asked
// for, so a large store costs little memory.
//
// The file starts with a header naming its environment (a SHA-256 the
// caller gives, which must cover everything the stored values depend on
// besides their keys: the program, at least) and goes on with records
// appended one after the other:
//
//	key [32]byte | length uint32 | CRC-32C of key and data uint32 | data
//
// (numbers little-endian). Appending means a build that changed a few
// values writes a few records, not the whole file; PruneAndClose rewrites
// the file when records no build asks for any more take more room than
// the others.
//
// A Store answers only with what was stored under the key in its
// environment: a file of another environment is replaced, and a record
// whose checksum does not match (a torn write, a damaged disk) is not
// found. The checksum guards against accidents, not against a person: the
// file is trusted as the site folder is, and whoever may write it may
// change what a build publishes. Several processes may use one file at
// once: a rewrite replaces the file by renaming a complete one, a record
// half appended by another process fails its checksum, and what one
// process misses of another's records is only work done twice. A store
// that cannot read or write its file is no store: Get finds nothing and
// Put keeps nothing.
package blobs

import (
	"bufio"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"
	"unsafe"
)

// Key finds a record: the SHA-256 of what the value was made from.
type Key = [sha256.Size]byte

// magic starts the file; its last digit is the format's version.
const magic = "clustersite blobs 1\n"

const (
	headerSize = len(magic) + sha256.Size
	recordHead = sha256.Size + 4 + 4 // key, length, checksum
	// maxValue bounds a value: a longer one is not stored, and a record
	// that claims more is damaged.
	maxValue = 64 << 20
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// A Store is one open file of records. Its methods are safe for
// concurrent use; a nil *Store stores nothing.
type Store struct {
	path   string
	header []byte // magic and environment

	mu sync.Mutex
	f  *os.File // nil once the store is off or closed
	// index holds where each record's data lies in f.
	index map[Key]place
	// live adds up the records asked for since Open, in bytes, for
	// PruneAndClose; damaged says a record was found damaged.
	live    int64
	damaged bool
}

// place is where a record's data lies in the file.
type place struct {
	off  int64
	n    uint32
	sum  uint32 // CRC-32C of key and data
	used bool   // asked for, or stored, since Open
}

// Open opens the store in the file at path (making its folder) for the
// environment env. The records of the file are used when it was written
// for the same environment; otherwise it is replaced by an empty one.
// Open returns nil, a store that stores nothing, when env is zero (the
// program could not be identified) or the file cannot be opened.
func Open(path string, env [sha256.Size]byte) *Store {
	if env == ([sha256.Size]byte{}) || path == "" {
		return nil
	}
	s := &Store{path: path, header: append([]byte(magic), env[:]...), index: map[Key]place{}}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil
	}
	removeStaleTemps(filepath.Dir(path))
	f, err := s.openFile()
	if err != nil {
		return nil
	}
	s.f = f
	return s
}

// openFile opens the file for reading and appending, with its records
// indexed. A file of another environment, or none, is replaced by an
// empty one; a file with a damaged record by one with its intact records:
// records appended after a torn one would be lost to every scan.
func (s *Store) openFile() (*os.File, error) {
	for range 2 {
		f, err := os.OpenFile(s.path, os.O_RDWR|os.O_APPEND|os.O_CREATE, 0o600)
		if err != nil {
			return nil, err
		}
		err = s.scan(f)
		if err == nil && !s.damaged {
			return f, nil
		}
		var keep []Key
		if err == nil {
			keep = s.inFileOrder(func(place) bool { return true })
		}
		// The new file is renamed over the old one so that no reader sees
		// half of it. Another process may do the same in between; the
		// second round reads whichever file won.
		err = s.rewrite(f, keep)
		f.Close()
		s.index, s.damaged = map[Key]place{}, false
		if err != nil {
			return nil, err
		}
	}
	return nil, errors.New("blobs: the file keeps changing")
}

// inFileOrder returns the keys of the records that keep says to, in the
// order of the file, so that reading them reads the file from start to
// end.
func (s *Store) inFileOrder(keep func(place) bool) []Key {
	var keys []Key
	for k, p := range s.index {
		if keep(p) {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b Key) int { return cmp.Compare(s.index[a].off, s.index[b].off) })
	return keys
}

var errOtherFile = errors.New("blobs: not a file of this environment")

// scan indexes the records of f. It stops at the first record that does
// not fit in the file, which a write cut short leaves at its end.
func (s *Store) scan(f *os.File) error {
	info, err := f.Stat()
	if err != nil {
		return err
	}
	size := info.Size()
	r := bufio.NewReaderSize(io.NewSectionReader(f, 0, size), 1<<16)
	head := make([]byte, headerSize)
	if _, err := io.ReadFull(r, head); err != nil || string(head) != string(s.header) {
		return errOtherFile
	}
	off := int64(headerSize)
	var rec [recordHead]byte
	for off < size {
		if _, err := io.ReadFull(r, rec[:]); err != nil {
			s.damaged = true
			break
		}
		n := binary.LittleEndian.Uint32(rec[sha256.Size:])
		data := off + recordHead
		if n > maxValue || data+int64(n) > size {
			s.damaged = true
			break
		}
		s.index[Key(rec[:sha256.Size])] = place{off: data, n: n, sum: binary.LittleEndian.Uint32(rec[sha256.Size+4:])}
		if _, err := r.Discard(int(n)); err != nil {
			s.damaged = true
			break
		}
		off = data + int64(n)
	}
	return nil
}

// Get returns the value stored under key, if the file holds an intact
// record of it.
func (s *Store) Get(key Key) (string, bool) {
	if s == nil {
		return "", false
	}
	s.mu.Lock()
	p, ok := s.index[key]
	f := s.f
	s.mu.Unlock()
	if !ok || f == nil {
		return "", false
	}
	data := make([]byte, p.n)
	_, err := f.ReadAt(data, p.off)
	intact := err == nil && checksum(key, data) == p.sum
	s.mu.Lock()
	if now, ok := s.index[key]; ok && now.off == p.off {
		if intact {
			s.use(key)
		} else {
			delete(s.index, key)
			s.damaged = true
		}
	}
	s.mu.Unlock()
	if !intact {
		return "", false
	}
	// data is never written again: the string can share its bytes, as
	// strings.Builder's does, rather than copy them.
	return unsafe.String(unsafe.SliceData(data), len(data)), true
}

// use notes that the record of key, which s.index holds, was asked for
// since Open. s.mu must be held.
func (s *Store) use(key Key) {
	if p := s.index[key]; !p.used {
		p.used = true
		s.index[key] = p
		s.live += recordHead + int64(p.n)
	}
}

// Put stores value under key, unless the store has a record of it. An
// error writing the file turns the store off.
func (s *Store) Put(key Key, value string) {
	if s == nil || len(value) > maxValue {
		return
	}
	rec := make([]byte, recordHead, recordHead+len(value))
	copy(rec, key[:])
	binary.LittleEndian.PutUint32(rec[sha256.Size:], uint32(len(value)))
	rec = append(rec, value...)
	sum := checksum(key, rec[recordHead:])
	binary.LittleEndian.PutUint32(rec[sha256.Size+4:], sum)

	s.mu.Lock()
	defer s.mu.Unlock()
	if s.f == nil {
		return
	}
	if _, ok := s.index[key]; ok {
		s.use(key)
		return
	}
	// With O_APPEND each write lands at the end of the file, whatever
	// other processes appended, and on Linux the file offset after it
	// tells where. Were the offset wrong, or the record split by another
	// process's write, Get would find a checksum that does not match: a
	// miss, never a wrong value.
	_, err := s.f.Write(rec)
	var end int64
	if err == nil {
		end, err = s.f.Seek(0, io.SeekCurrent)
	}
	if err != nil {
		s.take().Close()
		return
	}
	s.index[key] = place{off: end - int64(len(value)), n: uint32(len(value)), sum: sum, used: true}
	s.live += int64(len(rec))
}

// checksum is the CRC-32C of a record's key and data.
func checksum(key Key, data []byte) uint32 {
	return crc32.Update(crc32.Checksum(key[:], castagnoli), castagnoli, data)
}

// Close closes the file, keeping every record.
func (s *Store) Close() error {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if f := s.take(); f != nil {
		return f.Close()
	}
	return nil
}

// take returns the store's file, nil when the store is off, and turns the
// store off. s.mu must be held.
func (s *Store) take() *os.File {
	f := s.f
	s.f = nil
	return f
}

// PruneAndClose closes the store after a build that asked for every
// value it needs: when the records it did not ask for take more room than
// the others (and over a megabyte), or a damaged record was found, the
// file is first rewritten with the asked-for records only. A build that
// renders part of a site (the dev server) must Close instead.
func (s *Store) PruneAndClose() error {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.take()
	if f == nil {
		return nil
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	dead := info.Size() - int64(headerSize) - s.live
	if !s.damaged && (dead <= s.live || dead <= 1<<20) {
		return nil
	}
	// Another process replaced the file since Open: its file is newer
	// than what this one would write.
	if now, err := os.Stat(s.path); err != nil || !os.SameFile(now, info) {
		return nil
	}
	return s.rewrite(f, s.inFileOrder(func(p place) bool { return p.used }))
}

// rewrite replaces the file by one with the intact records of keys, read
// from old, through a temporary file renamed over it.
func (s *Store) rewrite(old *os.File, keys []Key) (err error) {
	dir := filepath.Dir(s.path)
	tmp, err := os.CreateTemp(dir, "blobs-*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	w := bufio.NewWriterSize(tmp, 1<<16)
	w.Write(s.header)
	var data []byte
	var head [recordHead]byte
	for _, k := range keys {
		p := s.index[k]
		data = slices.Grow(data[:0], int(p.n))[:p.n]
		if _, err := old.ReadAt(data, p.off); err != nil || checksum(k, data) != p.sum {
			continue
		}
		copy(head[:], k[:])
		binary.LittleEndian.PutUint32(head[sha256.Size:], p.n)
		binary.LittleEndian.PutUint32(head[sha256.Size+4:], p.sum)
		w.Write(head[:])
		w.Write(data)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), s.path)
}

// removeStaleTemps removes the temporary files in dir that a rewrite
// killed before its rename left behind. A file an hour old belongs to no
// rewrite still running: one takes well under a second.
func removeStaleTemps(dir string) {
	temps, _ := filepath.Glob(filepath.Join(dir, "blobs-*.tmp"))
	for _, t := range temps {
		if info, err := os.Stat(t); err == nil && time.Since(info.ModTime()) > time.Hour {
			os.Remove(t)
		}
	}
}
