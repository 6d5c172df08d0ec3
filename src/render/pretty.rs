//! JSON written as `serde_json::to_writer_pretty` writes it, a piece at a time: the
//! machine formats write their findings one by one (on every core) rather than build one
//! value of the whole output, which on an archive of hundreds of thousands of findings
//! takes gigabytes.

use std::io::{self, Write};

use serde::Serialize;

/// `value` as pretty JSON whose first line is already indented to `depth`.
pub fn pretty_at<T: Serialize>(out: &mut impl Write, depth: usize, value: &T) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(
        out,
        Pretty {
            depth,
            has_value: false,
        },
    );
    value.serialize(&mut serializer)?;
    Ok(())
}

/// The layout of `serde_json`'s pretty printer (two spaces a level, one member or element a
/// line, `[]` and `{}` when empty), from a given depth.
struct Pretty {
    depth: usize,
    /// Whether the array or object being written has a member yet.
    has_value: bool,
}

impl Pretty {
    fn open<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.new_line(out, b"\n")?;
        }
        out.write_all(bracket)
    }

    fn new_line<W: ?Sized + Write>(&self, out: &mut W, lead: &[u8]) -> io::Result<()> {
        out.write_all(lead)?;
        for _ in 0..self.depth {
            out.write_all(b"  ")?;
        }
        Ok(())
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.new_line(out, if first { b"\n" } else { b",\n" })
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.new_line(out, if first { b"\n" } else { b",\n" })
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// `value` as pretty JSON at `depth`, in a buffer of its own (an element of an array that
/// [`write_array`] writes).
pub fn pretty_vec<T: Serialize>(depth: usize, value: &T) -> io::Result<Vec<u8>> {
    let mut json = Vec::with_capacity(512);
    pretty_at(&mut json, depth, value)?;
    Ok(json)
}

/// An array as `serde_json` writes it pretty at `depth` (where its `[` goes), its elements
/// made a batch of `at_once` items at a time: `batch` gives the JSON of the elements of a
/// batch, in order (none for an item that has none), each written at the depth below. A
/// report on an archive holds hundreds of thousands of elements, which all at once would
/// take as much memory again as the run; a batch at a time, they can be made on every core.
pub fn write_array<T>(
    out: &mut dyn Write,
    depth: usize,
    items: &[T],
    at_once: usize,
    mut batch: impl FnMut(&[T]) -> Vec<io::Result<Vec<u8>>>,
) -> io::Result<()> {
    let indent = "  ".repeat(depth + 1);
    out.write_all(b"[")?;
    let mut first = true;
    for chunk in items.chunks(at_once.max(1)) {
        for json in batch(chunk) {
            out.write_all(if first { b"\n" } else { b",\n" })?;
            out.write_all(indent.as_bytes())?;
            out.write_all(&json?)?;
            first = false;
        }
    }
    if !first {
        out.write_all(b"\n")?;
        out.write_all(&indent.as_bytes()[2..])?;
    }
    out.write_all(b"]")
}
