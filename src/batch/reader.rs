//! Reading input in chunks of whole lines with bounded memory: a line longer than [`MAX_LINE_BYTES`] is not kept,
//! only measured and reported.

use std::io::{self, BufRead};

/// Longest line that is read, in bytes (without the newline); a longer line is a bad line. Real lines are under
/// 200 bytes; the limit keeps memory bounded whatever the input holds.
///
/// # Example
/// ```
/// assert_eq!(groundtrack::batch::MAX_LINE_BYTES, 4096);
/// ```
pub const MAX_LINE_BYTES: usize = 4096;

/// The place of one line in a chunk's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LineSpan {
    /// Byte range in [`Chunk::data`] (empty for a line that was too long).
    pub start: usize,
    /// End of the range.
    pub end: usize,
    /// The length of a line longer than [`MAX_LINE_BYTES`], else 0.
    pub too_long: u64,
}

/// Consecutive lines of the input.
#[derive(Debug, Default)]
pub(crate) struct Chunk {
    /// 1-based number of the first line.
    pub first_line: u64,
    /// The bytes of the lines, without newlines.
    pub data: Vec<u8>,
    /// One span per line.
    pub lines: Vec<LineSpan>,
}

/// Reads chunks of lines from a buffered reader.
pub(crate) struct ChunkReader<R> {
    inner: R,
    next_line: u64,
    bytes_read: u64,
    eof: bool,
}

impl<R: BufRead> ChunkReader<R> {
    pub fn new(inner: R) -> Self {
        Self { inner, next_line: 1, bytes_read: 0, eof: false }
    }

    /// Bytes consumed so far.
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read
    }

    /// The next chunk of at most `max_lines` lines and about `max_bytes` bytes (a chunk ends at the first line end
    /// past that size), or `None` at the end of the input.
    pub fn next_chunk(&mut self, max_lines: usize, max_bytes: usize) -> io::Result<Option<Chunk>> {
        let mut chunk = Chunk {
            first_line: self.next_line,
            data: Vec::with_capacity(max_bytes + MAX_LINE_BYTES),
            lines: vec![],
        };
        while !self.eof && chunk.lines.len() < max_lines && chunk.data.len() < max_bytes {
            if let Some(span) = self.read_line(&mut chunk.data)? {
                chunk.lines.push(span);
            }
        }
        self.next_line += chunk.lines.len() as u64;
        Ok(if chunk.lines.is_empty() { None } else { Some(chunk) })
    }

    /// Appends one line to `data`; `None` at the end of the input with nothing read.
    fn read_line(&mut self, data: &mut Vec<u8>) -> io::Result<Option<LineSpan>> {
        let start = data.len();
        let mut length: u64 = 0;
        let mut any = false;
        loop {
            let buf = match self.inner.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buf.is_empty() {
                self.eof = true;
                break;
            }
            any = true;
            let (piece, used, ended) = match memchr::memchr(b'\n', buf) {
                Some(i) => (&buf[..i], i + 1, true),
                None => (buf, buf.len(), false),
            };
            let new_length = length + piece.len() as u64;
            if new_length <= MAX_LINE_BYTES as u64 {
                data.extend_from_slice(piece);
            } else {
                data.truncate(start);
            }
            length = new_length;
            self.inner.consume(used);
            self.bytes_read += used as u64;
            if ended {
                break;
            }
        }
        if !any {
            return Ok(None);
        }
        let too_long = if length > MAX_LINE_BYTES as u64 { length } else { 0 };
        Ok(Some(LineSpan { start, end: data.len(), too_long }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(input: &[u8], max_lines: usize) -> Vec<(u64, Vec<Vec<u8>>, Vec<u64>)> {
        let mut r = ChunkReader::new(io::BufReader::with_capacity(7, input));
        let mut out = vec![];
        while let Some(c) = r.next_chunk(max_lines, 1 << 20).unwrap() {
            let texts = c.lines.iter().map(|s| c.data[s.start..s.end].to_vec()).collect();
            out.push((c.first_line, texts, c.lines.iter().map(|s| s.too_long).collect()));
        }
        out
    }

    #[test]
    fn chunks_keep_every_line_and_number_them() {
        let got = lines_of(b"a\n\nbc\nd", 2);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0], (1, vec![b"a".to_vec(), b"".to_vec()], vec![0, 0]));
        assert_eq!(got[1], (3, vec![b"bc".to_vec(), b"d".to_vec()], vec![0, 0]));
        assert!(lines_of(b"", 2).is_empty());
        assert_eq!(lines_of(b"x\n", 8)[0].1.len(), 1);
    }

    #[test]
    fn long_lines_are_measured_not_kept() {
        let mut input = vec![b'1'; MAX_LINE_BYTES + 10];
        input.extend_from_slice(b"\nok\n");
        let got = lines_of(&input, 8);
        assert_eq!(got[0].1, vec![b"".to_vec(), b"ok".to_vec()]);
        assert_eq!(got[0].2, vec![(MAX_LINE_BYTES + 10) as u64, 0]);
    }
}
