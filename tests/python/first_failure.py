# Appended to an exercise's check.py by tests/python/mutate.py for the test
# command's sample, never by the page: once one check has failed, the
# checks after it return at once, so a killed mutant costs the run and the
# checks up to the first that failed it (a mutant's test asks only whether
# some check fails; the wide run, --verbose and --update-survivors run every
# check, to report which ones kill it). The harness's byte rule, added after
# check.py has run, is always judged.
import heapwise_check.loading as _heapwise_loading


def _heapwise_until_failed(checks):
    failed = []

    def wrapped(function):
        def judged(program):
            if failed:
                return "not run: a check before it failed (tests/python/first_failure.py)"
            try:
                return function(program)
            except BaseException:
                failed.append(True)
                raise

        return judged

    checks[:] = [(name, wrapped(function)) for name, function in checks]


_heapwise_until_failed(_heapwise_loading._REGISTRY.checks)
del _heapwise_loading, _heapwise_until_failed
