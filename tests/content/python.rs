//! Running the Python reference programs and comparing what they print.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use super::problem;
use heapwise::content::CpythonTiming;

/// How long one `python3 reference.py` may take: a bound for a program
/// that hangs, not a speed target, so it is far above the slowest
/// reference's time on a loaded machine (live-monitor and array-vs-list
/// about 4 s at a load average of 3 on this 2-core machine).
pub const PYTHON_TIMEOUT: Duration = Duration::from_secs(300);

/// Runs `python3 reference.py` in `dir`; its stdout, or why it failed.
pub fn run_reference(dir: &Path, timeout: Duration) -> Result<String, String> {
    if !dir.join("reference.py").is_file() {
        return Err("reference.py does not exist; write the Python reference program".into());
    }
    run_python(dir, &["reference.py"], "python3 reference.py", timeout)
}

/// Runs an exercise's starter code as given (`python3 -c`) in `dir`: a
/// student's first run must not crash before they have changed anything.
pub fn run_starter(dir: &Path, starter: &str, timeout: Duration) -> Result<String, String> {
    run_python(dir, &["-c", starter], "the starter (python3 -c starter)", timeout)
}

/// Runs `python3 <args>` in `dir`; its stdout, or why it failed, naming the
/// program as `what`.
fn run_python(dir: &Path, args: &[&str], what: &str, timeout: Duration) -> Result<String, String> {
    let mut child = Command::new("python3")
        .args(args)
        .current_dir(dir)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start python3: {e}"))?;
    // Read both pipes while waiting, so a chatty program cannot block.
    let drain = |mut pipe: Box<dyn Read + Send>| {
        thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > timeout => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("{what} ran longer than {} s; keep it under ~5 s", timeout.as_secs()));
            }
            Ok(None) => thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(format!("could not wait for python3: {e}")),
        }
    };
    let stdout = stdout.join().unwrap_or_default();
    let stderr = stderr.join().unwrap_or_default();
    if !status.success() {
        let tail: Vec<&str> = stderr.lines().rev().take(8).collect::<Vec<_>>().into_iter().rev().collect();
        return Err(format!("{what} failed ({status}):\n      {}", tail.join("\n      ")));
    }
    Ok(stdout)
}

/// `text` with each timing line's micros replaced by `#`: the figure moves
/// from run to run, the rest of the line must not.
fn without_micros(text: &str) -> String {
    text.split_inclusive('\n')
        .map(|line| {
            let body = line.trim_end_matches(['\n', '\r']);
            match (CpythonTiming::parse(body), body.rsplit_once(" us per call, ")) {
                (Some(_), Some((head, tail))) => {
                    let (before, _micros) = head.rsplit_once(": ").expect("a timing line has `: <micros>`");
                    format!("{before}: # us per call, {tail}{}", &line[body.len()..])
                }
                _ => line.to_string(),
            }
        })
        .collect()
}

/// The program's output must equal the recording byte for byte, except the
/// micros of the timing line (its variant, parameters and repeats included).
pub fn compare_output(slug: &str, recorded: &str, printed: &str) -> Vec<String> {
    let (recorded_same, printed_same) = (without_micros(recorded), without_micros(printed));
    if recorded_same == printed_same {
        return Vec::new();
    }
    let fix = "if the new output is right, re-record it: `python3 reference.py > reference.out`";
    let (old, new): (Vec<&str>, Vec<&str>) = (recorded.lines().collect(), printed.lines().collect());
    let (old_same, new_same): (Vec<&str>, Vec<&str>) =
        (recorded_same.lines().collect(), printed_same.lines().collect());
    let detail = match (0..old.len().max(new.len())).find(|&i| old_same.get(i) != new_same.get(i)) {
        Some(i) => {
            let show = |line: Option<&&str>| line.map_or("(no such line)".to_string(), |l| l.to_string());
            format!(
                "line {}:\n      - {}   (reference.out)\n      + {}   (python3 reference.py)",
                i + 1,
                show(old.get(i)),
                show(new.get(i))
            )
        }
        None => "the lines are equal but the bytes are not (line endings or the final newline)".to_string(),
    };
    vec![problem(
        slug,
        "reference.out",
        format!("differs from what reference.py prints now, first at {detail}\n      {fix}"),
    )]
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::fixtures::GOOD_OUT;

    #[test]
    fn output_differences_show_the_first_differing_line() {
        let changed = GOOD_OUT.replace("1,024", "1,032");
        let p = compare_output("demo", GOOD_OUT, &changed);
        assert_eq!(p.len(), 1);
        assert!(p[0].contains("line 2") && p[0].contains("- tuple: 48 bytes, list: 1,024 bytes"), "{}", p[0]);
        assert!(p[0].contains("+ tuple: 48 bytes, list: 1,032 bytes"), "{}", p[0]);
        let shorter: String = GOOD_OUT.lines().take(3).map(|l| format!("{l}\n")).collect();
        let p = compare_output("demo", GOOD_OUT, &shorter);
        assert!(p[0].contains("line 4") && p[0].contains("+ (no such line)"), "{}", p[0]);
        let p = compare_output("demo", GOOD_OUT, GOOD_OUT.trim_end());
        assert!(p[0].contains("final newline"), "{}", p[0]);
    }

    #[test]
    fn timing_lines_are_compared_up_to_their_micros() {
        let timing = "timing: variant optimized at n=10: 12.5 us per call, best of 5 (tracemalloc off)";
        assert!(GOOD_OUT.contains(timing));
        let same = |printed: &str| compare_output("demo", GOOD_OUT, printed);
        assert_eq!(same(&GOOD_OUT.replace("12.5 us", "98765.4 us")), Vec::<String>::new());
        for (changed, line, what) in [
            (GOOD_OUT.replace("variant optimized", "variant naive"), 4, "variant naive"),
            (GOOD_OUT.replace("n=10", "n=11"), 4, "n=11"),
            (GOOD_OUT.replace("best of 5", "best of 7"), 4, "best of 7"),
            (GOOD_OUT.replace("12.5 us", "12.55 us"), 4, "12.55 us"),
            (GOOD_OUT.replace(&format!("{timing}\n"), ""), 4, "+ tuple is smaller: True"),
            (GOOD_OUT.replace("tuple is", &format!("{timing}\ntuple is")), 5, "+ timing: variant"),
        ] {
            let p = same(&changed);
            assert!(p.len() == 1 && p[0].contains(&format!("line {line}:")) && p[0].contains(what), "{what}: {p:#?}");
        }
        // Everything else stays byte for byte, the timing line's line ending too.
        let p = same(&GOOD_OUT.replace("12.5 us", "13.0 us").replace("1,024", "1,032"));
        assert!(p.len() == 1 && p[0].contains("line 2"), "{p:#?}");
        let crlf = GOOD_OUT.replace(&format!("{timing}\n"), &format!("{timing}\r\n"));
        assert!(same(&crlf)[0].contains("line endings"), "{:?}", same(&crlf));
    }

    /// A scratch folder holding one `reference.py`, removed afterwards.
    struct Scratch(PathBuf);

    impl Scratch {
        fn with_program(name: &str, program: &str) -> Scratch {
            let dir = std::env::temp_dir().join(format!("heapwise-content-check-{}-{name}", std::process::id()));
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(dir.join("reference.py"), program).unwrap();
            Scratch(dir)
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn the_python_runner_reports_failures_and_timeouts() {
        let ok = Scratch::with_program("ok", "import os\nprint(os.path.basename(os.getcwd()))\nprint('done')\n");
        let expected = format!("{}\ndone\n", ok.0.file_name().unwrap().to_string_lossy());
        assert_eq!(run_reference(&ok.0, PYTHON_TIMEOUT), Ok(expected), "runs in the exercise folder");

        let failing = Scratch::with_program("failing", "print('partial')\nraise SystemExit('broken on purpose')\n");
        let err = run_reference(&failing.0, PYTHON_TIMEOUT).unwrap_err();
        assert!(err.contains("failed") && err.contains("broken on purpose"), "{err}");

        let slow = Scratch::with_program("slow", "import time\ntime.sleep(30)\n");
        let started = Instant::now();
        let err = run_reference(&slow.0, Duration::from_secs(1)).unwrap_err();
        assert!(err.contains("longer than 1 s"), "{err}");
        assert!(started.elapsed() < Duration::from_secs(10), "the slow program was killed");

        let missing = Scratch::with_program("missing", "");
        std::fs::remove_file(missing.0.join("reference.py")).unwrap();
        assert!(run_reference(&missing.0, PYTHON_TIMEOUT).unwrap_err().contains("does not exist"));

        let chatty = Scratch::with_program(
            "chatty",
            "import sys\nfor i in range(200000):\n    print(i)\n    print(i, file=sys.stderr)\n",
        );
        let printed = run_reference(&chatty.0, PYTHON_TIMEOUT).expect("large output does not block");
        assert_eq!(printed.lines().count(), 200_000);
    }
}
