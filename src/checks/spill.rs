//! A long list of numbers kept in order, written out to a temporary file once it grows
//! large. What a check keeps of every article can be the largest table of a run over an
//! archive (tens of millions of quotation hashes), and its cross-article pass reads it only
//! in order, a few times: from a file the system caches, it costs no memory of the run's.
//!
//! The file is made in the system's temporary folder with no name (or its name removed at
//! once), so the system removes it when the run ends, however it ends: a run stopped by
//! Ctrl-C or `kill` leaves nothing behind, and no cleaner of the temporary folder can take
//! it away meanwhile. If it cannot be made or written, the numbers simply stay in memory.

use std::fs::File;
use std::io::{Seek, SeekFrom, Write};
use std::path::PathBuf;

/// Numbers held in memory before they are written out (4 MB).
const BLOCK: usize = 1 << 19;

/// Numbers written to the file at a time (256 KB). Writes of whole blocks took the system
/// thirty times as long: measured with `dd` into the temporary folder, 80 MB in writes of
/// 4 MB took 0.65–0.8 s of system time, in writes of 1 MB or less 0.02 s (Linux 6.18,
/// ext4; a large write fills the page cache in large pages, which cost more to get).
const WRITE: usize = 1 << 15;

pub struct Spill {
    /// The numbers not written out, after those in the file.
    memory: Vec<u64>,
    /// Where written blocks are, made on the first.
    file: Option<File>,
    /// How many numbers the file holds (anything after them is a failed write).
    in_file: usize,
    /// Set once the file could not be made or written: memory holds the rest.
    failed: bool,
    block: usize,
    dir: PathBuf,
}

impl Default for Spill {
    fn default() -> Spill {
        Spill::new(std::env::temp_dir(), BLOCK)
    }
}

impl Spill {
    /// Writes to a new file in `dir` each time `block` numbers are held in memory.
    pub fn new(dir: PathBuf, block: usize) -> Spill {
        Spill {
            memory: Vec::new(),
            file: None,
            in_file: 0,
            failed: false,
            block: block.max(1),
            dir,
        }
    }

    /// A new, empty list whose file (if it comes to one) goes where this one's does, written
    /// out as often as this one is, or each time `most` numbers are held if that is sooner.
    pub fn beside(&self, most: usize) -> Spill {
        Spill::new(self.dir.clone(), self.block.min(most))
    }

    pub fn push(&mut self, number: u64) {
        self.extend(std::slice::from_ref(&number));
    }

    pub fn extend(&mut self, numbers: &[u64]) {
        self.memory.extend_from_slice(numbers);
        if self.memory.len() >= self.block && !self.failed {
            self.write_out();
        }
    }

    pub fn len(&self) -> usize {
        self.in_file + self.memory.len()
    }

    /// Whether some numbers were written to a file.
    #[cfg(test)]
    pub fn written_out(&self) -> bool {
        self.file.is_some()
    }

    fn write_out(&mut self) {
        if self.file.is_none() {
            match tempfile::tempfile_in(&self.dir) {
                Ok(file) => self.file = Some(file),
                Err(_) => {
                    self.failed = true;
                    return;
                }
            }
        }
        let Some(file) = self.file.as_mut() else {
            return;
        };
        // Written at the end of what is known to be there, whatever a failed write left,
        // a piece at a time (see [`WRITE`]).
        let mut bytes = Vec::with_capacity(WRITE.min(self.memory.len()) * 8);
        let written = file
            .seek(SeekFrom::Start(self.in_file as u64 * 8))
            .and_then(|_| {
                self.memory.chunks(WRITE).try_for_each(|piece| {
                    bytes.clear();
                    bytes.extend(piece.iter().flat_map(|n| n.to_le_bytes()));
                    file.write_all(&bytes)
                })
            });
        match written {
            Ok(()) => {
                self.in_file += self.memory.len();
                self.memory.clear();
            }
            Err(_) => self.failed = true,
        }
    }

    /// Calls `f` with all the numbers in order, a piece at a time; an error if the file
    /// cannot be read back.
    pub fn each(&self, mut f: impl FnMut(&[u64])) -> std::io::Result<()> {
        let mut reader = self.reader_from(0);
        let mut left = self.len();
        while left > 0 {
            let n = left.min(READ);
            f(reader.take(n)?);
            left -= n;
        }
        Ok(())
    }

    /// Reads the numbers back in order from the `first`th on, `n` at a time (see
    /// [`Reader::take`]). Readers are independent: each reads at its own place in the file.
    pub fn reader_from(&self, first: usize) -> Reader<'_> {
        Reader {
            spill: self,
            next: first,
            buffer: Vec::new(),
            buffer_start: first,
        }
    }

    /// Cuts the file short, as a failing disk might lose what was written to it.
    #[cfg(test)]
    pub fn lose_the_file(&self) {
        if let Some(file) = &self.file {
            file.set_len(0).unwrap();
        }
    }
}

/// Fills `bytes` from `file` at `offset`, without moving a place in the file that another
/// reader would share.
#[cfg(unix)]
fn read_at(file: &File, bytes: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, bytes, offset)
}

#[cfg(windows)]
fn read_at(file: &File, mut bytes: &mut [u8], mut offset: u64) -> std::io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !bytes.is_empty() {
        match file.seek_read(bytes, offset)? {
            0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            n => {
                bytes = &mut bytes[n..];
                offset += n as u64;
            }
        }
    }
    Ok(())
}

/// Elsewhere the place is shared, so a read takes it for itself.
#[cfg(not(any(unix, windows)))]
fn read_at(file: &File, bytes: &mut [u8], offset: u64) -> std::io::Result<()> {
    use std::io::Read;
    static PLACE: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _place = PLACE.lock().unwrap_or_else(|e| e.into_inner());
    let mut file = file;
    file.seek(SeekFrom::Start(offset))?;
    file.read_exact(bytes)
}

/// Reads a [`Spill`] from its start.
pub struct Reader<'a> {
    spill: &'a Spill,
    /// Index of the next number to hand out.
    next: usize,
    /// Numbers read from the file, from index `buffer_start` on.
    buffer: Vec<u64>,
    buffer_start: usize,
}

/// Numbers read from the file at a time (1 MB).
const READ: usize = 1 << 17;

impl Reader<'_> {
    /// The next `n` numbers, or an error if the file cannot be read back (or there are not
    /// that many).
    pub fn take(&mut self, n: usize) -> std::io::Result<&[u64]> {
        let spill = self.spill;
        let (start, end) = (self.next, self.next + n);
        if end > spill.len() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                "fewer numbers kept than asked for",
            ));
        }
        self.next = end;
        if start >= spill.in_file {
            // All in memory: no copy.
            return Ok(&spill.memory[start - spill.in_file..end - spill.in_file]);
        }
        // What was handed out already is let go, once more must be read.
        let buffered_end = self.buffer_start + self.buffer.len();
        if end > buffered_end {
            self.buffer.drain(..start - self.buffer_start);
            self.buffer_start = start;
        }
        let from_file_end = end.min(spill.in_file);
        while self.buffer_start + self.buffer.len() < from_file_end {
            let have = self.buffer_start + self.buffer.len();
            let count = (from_file_end - have).max(READ).min(spill.in_file - have);
            let file = spill.file.as_ref().ok_or_else(|| {
                std::io::Error::new(std::io::ErrorKind::NotFound, "no file written")
            })?;
            let mut bytes = vec![0u8; count * 8];
            read_at(file, &mut bytes, have as u64 * 8)?;
            self.buffer.extend(
                bytes
                    .chunks_exact(8)
                    .map(|b| u64::from_le_bytes(b.try_into().unwrap_or_default())),
            );
        }
        if end > spill.in_file {
            // The last numbers of the file and the first in memory: one list.
            let have = self.buffer_start + self.buffer.len();
            self.buffer
                .extend_from_slice(&spill.memory[have - spill.in_file..end - spill.in_file]);
        }
        Ok(&self.buffer[start - self.buffer_start..end - self.buffer_start])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(spill: &Spill, sizes: &[usize]) -> Vec<u64> {
        let mut reader = spill.reader_from(0);
        let mut out = Vec::new();
        for &n in sizes {
            out.extend_from_slice(reader.take(n).unwrap());
        }
        out
    }

    #[test]
    fn numbers_come_back_in_order_from_the_file_and_from_memory() {
        let dir = tempfile::tempdir().unwrap();
        let mut spill = Spill::new(dir.path().to_path_buf(), 10);
        let all: Vec<u64> = (0..100u64)
            .map(|i| i.wrapping_mul(0x9e37_79b9_7f4a_7c15))
            .collect();
        for piece in all.chunks(7) {
            spill.extend(piece);
        }
        assert_eq!(spill.len(), 100);
        assert!(spill.written_out());
        assert!(spill.in_file > 0 && !spill.memory.is_empty());
        // Pieces of every size, across the end of the file and into memory; read twice.
        let sizes = [3, 0, 20, 1, 40, 26, 10];
        assert_eq!(read_all(&spill, &sizes), all);
        assert_eq!(read_all(&spill, &[100]), all);
        assert!(spill.reader_from(0).take(101).is_err());
    }

    #[test]
    fn the_file_has_no_name_a_stopped_run_could_leave_behind() {
        let dir = tempfile::tempdir().unwrap();
        let mut spill = Spill::new(dir.path().to_path_buf(), 10);
        spill.extend(&(0..50).collect::<Vec<u64>>());
        assert!(spill.written_out() && spill.in_file == 50);
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            0,
            "nothing in the folder while the numbers are in the file"
        );
        // Two readings side by side, each at its own place in the one file.
        let (mut first, mut second) = (spill.reader_from(0), spill.reader_from(30));
        assert_eq!(first.take(10).unwrap(), (0..10).collect::<Vec<u64>>());
        assert_eq!(second.take(10).unwrap(), (30..40).collect::<Vec<u64>>());
        assert_eq!(first.take(10).unwrap(), (10..20).collect::<Vec<u64>>());
    }

    #[test]
    fn a_list_beside_another_reads_back_whole_in_pieces() {
        let dir = tempfile::tempdir().unwrap();
        let first = Spill::new(dir.path().to_path_buf(), 1000);
        let mut spill = first.beside(usize::MAX);
        let all: Vec<u64> = (0..(READ + READ / 2) as u64).map(|i| i ^ 0x55).collect();
        for &n in &all {
            spill.push(n);
        }
        assert!(spill.written_out());
        let mut got = Vec::new();
        let mut pieces = 0;
        spill
            .each(|piece| {
                assert!(piece.len() <= READ);
                pieces += 1;
                got.extend_from_slice(piece);
            })
            .unwrap();
        assert_eq!(got, all);
        assert_eq!(pieces, 2);
        assert_eq!(first.beside(10).block, 10);
        let mut nothing = first.beside(usize::MAX);
        nothing
            .each(|_| panic!("an empty list has no piece"))
            .unwrap();
        nothing.push(7);
        nothing.each(|piece| assert_eq!(piece, [7])).unwrap();
    }

    #[test]
    fn a_reading_can_start_at_any_number() {
        let dir = tempfile::tempdir().unwrap();
        let mut spill = Spill::new(dir.path().to_path_buf(), 10);
        let all: Vec<u64> = (0..45u64).map(|i| i * 7 + 1).collect();
        for piece in all.chunks(10) {
            spill.extend(piece);
        }
        assert!(spill.in_file == 40 && spill.memory.len() == 5);
        for first in 0..=all.len() {
            let mut reader = spill.reader_from(first);
            let mut got = Vec::new();
            for n in [3, 0, 11, usize::MAX] {
                let n = n.min(all.len() - first - got.len());
                got.extend_from_slice(reader.take(n).unwrap());
            }
            assert_eq!(got, all[first..], "from {first}");
            assert!(
                spill
                    .reader_from(first)
                    .take(all.len() - first + 1)
                    .is_err()
            );
        }
    }

    #[test]
    fn a_long_file_is_read_back_in_pieces_of_any_size() {
        let dir = tempfile::tempdir().unwrap();
        let mut spill = Spill::new(dir.path().to_path_buf(), 100_000);
        let all: Vec<u64> = (0..3 * READ as u64 + 12_345)
            .map(|i| i ^ 0x5555_0000_0000_5555)
            .collect();
        for piece in all.chunks(999) {
            spill.extend(piece);
        }
        assert!(spill.in_file > 2 * READ && !spill.memory.is_empty());
        // Pieces from none to more than is read at a time, across every boundary.
        let mut sizes = Vec::new();
        let (mut total, mut k) = (0, 0usize);
        while total < all.len() {
            let n = [0, 1, 17, 4_000, READ + 3, 250][k % 6].min(all.len() - total);
            sizes.push(n);
            total += n;
            k += 1;
        }
        assert_eq!(read_all(&spill, &sizes), all);
    }

    #[test]
    fn a_file_lost_before_it_is_read_back_is_an_error_not_other_numbers() {
        let dir = tempfile::tempdir().unwrap();
        let mut spill = Spill::new(dir.path().to_path_buf(), 10);
        let all: Vec<u64> = (0..25).collect();
        spill.extend(&all);
        spill.lose_the_file();
        assert!(spill.reader_from(0).take(5).is_err());
    }

    #[test]
    fn without_a_place_for_the_file_everything_stays_in_memory() {
        let dir = tempfile::tempdir().unwrap();
        let mut spill = Spill::new(dir.path().join("no such folder"), 4);
        let all: Vec<u64> = (0..30).collect();
        spill.extend(&all[..13]);
        spill.extend(&all[13..]);
        assert!(!spill.written_out());
        assert_eq!(read_all(&spill, &[13, 17]), all);
    }
}
