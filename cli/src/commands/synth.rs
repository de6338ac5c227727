//! `codes synth N [-o FILE] [--malformed-every K] [--no-header]
//! [--encoding utf-8|gbk|gb18030]`: writes a synthetic `agentOprInfo` bill
//! file of N records (`cec_bills::synthetic`), to try `codes decode`, the
//! SQL recipes and the benchmarks on data of any size.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use cec_bills::synthetic::SyntheticBills;

use crate::io::{Failure, Status};

/// Writes a synthetic bill file: realistic records going through every
/// operation type and reason, media and agent types and the vendor's
/// Chinese call directions, the same bytes for the same arguments.
#[derive(Debug, Clone, clap::Args)]
pub struct SynthArgs {
    /// How many records.
    #[arg(value_name = "N", value_parser = super::number::<u64>("a number of records"))]
    pub records: u64,
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Make every K-th record malformed (each kind of fault in turn).
    #[arg(
        long,
        value_name = "K",
        default_value_t = 0,
        value_parser = super::number::<u64>("a number of records, 0 for none")
    )]
    pub malformed_every: u64,
    /// Leave out the header line.
    #[arg(long)]
    pub no_header: bool,
    /// The text encoding of the file.
    #[arg(long, value_enum, default_value_t = SynthEncoding::Utf8)]
    pub encoding: SynthEncoding,
}

/// `--encoding` of `codes synth`: the encodings the vendor's files come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SynthEncoding {
    /// UTF-8.
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    /// GBK, as the vendor's older files.
    Gbk,
    /// GB18030.
    Gb18030,
}

/// Runs `codes synth`.
pub fn run(args: &SynthArgs) -> Result<Status, Failure> {
    let generator = SyntheticBills::new()
        .header(!args.no_header)
        .malformed_every(args.malformed_every);
    let encoding = match args.encoding {
        SynthEncoding::Utf8 => None,
        SynthEncoding::Gbk => Some(encoding_rs::GBK),
        SynthEncoding::Gb18030 => Some(encoding_rs::GB18030),
    };
    let written = match &args.output {
        Some(path) => {
            let file = File::create(path).map_err(|error| Failure::io(path, &error))?;
            write(&generator, args.records, encoding, BufWriter::new(file))
                .map_err(|error| Failure::io(path, &error))
        }
        // A closed pipe (`codes synth 100000000 | head`) stops the writing:
        // the records would be made for nobody.
        None => match write(
            &generator,
            args.records,
            encoding,
            crate::io::stdout_until_closed(),
        ) {
            Err(error) if crate::io::reader_gone(&error) => Ok(()),
            written => {
                written.map_err(|error| Failure(format!("cannot write the output: {error}")))
            }
        },
    };
    written.map(|()| Status::Success)
}

/// Writes `records` records of `generator` to `out`, encoded in
/// `encoding` (UTF-8 when `None`).
fn write(
    generator: &SyntheticBills,
    records: u64,
    encoding: Option<&'static encoding_rs::Encoding>,
    out: impl Write,
) -> io::Result<()> {
    match encoding {
        None => generator.write(records, out),
        Some(encoding) => {
            let mut out = Encoded::new(encoding, out);
            generator.write(records, &mut out)?;
            out.finish()
        }
    }
}

/// UTF-8 written to it goes on in another encoding; a character split
/// between two writes waits for its last bytes.
struct Encoded<W> {
    encoder: encoding_rs::Encoder,
    out: W,
    pending: Vec<u8>,
    encoded: Vec<u8>,
}

impl<W: Write> Encoded<W> {
    fn new(encoding: &'static encoding_rs::Encoding, out: W) -> Self {
        Self {
            encoder: encoding.new_encoder(),
            out,
            pending: Vec::new(),
            encoded: Vec::new(),
        }
    }

    /// Encodes the whole characters of `pending`, keeping a split one.
    fn encode(&mut self, last: bool) -> io::Result<()> {
        let whole = match std::str::from_utf8(&self.pending) {
            Ok(text) => text.len(),
            Err(error) if error.error_len().is_none() => error.valid_up_to(),
            Err(_) => return Err(io::Error::other("synthetic text is not UTF-8")),
        };
        let text = std::str::from_utf8(&self.pending[..whole]).unwrap_or_default();
        self.encoded.clear();
        self.encoded.reserve(
            self.encoder
                .max_buffer_length_from_utf8_without_replacement(text.len())
                .unwrap_or(text.len() * 4),
        );
        let (result, _) =
            self.encoder
                .encode_from_utf8_to_vec_without_replacement(text, &mut self.encoded, last);
        if let encoding_rs::EncoderResult::Unmappable(character) = result {
            return Err(io::Error::other(format!(
                "{character:?} has no code in {}",
                self.encoder.encoding().name()
            )));
        }
        self.out.write_all(&self.encoded)?;
        self.pending.drain(..whole);
        Ok(())
    }

    fn finish(mut self) -> io::Result<()> {
        self.encode(true)?;
        self.out.flush()
    }
}

impl<W: Write> Write for Encoded<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(bytes);
        self.encode(false)?;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.encode(false)?;
        self.out.flush()
    }
}
