# correct: straight-line code, manual tracemalloc calls, a while-loop generator function, %-formatting
import sys
import tracemalloc


def traced_peak(compute):
    tracemalloc.start()
    value = compute()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return value, peak


def total_from_list(n):
    squares = [k * k for k in range(n)]
    return sum(squares)


def squares_of(n):
    k = 0
    while k < n:
        yield k * k
        k += 1


def total_from_generator(n):
    running = 0
    for sq in squares_of(n):
        running += sq
    return running


N = 500_000
a_total, a_peak = traced_peak(lambda: total_from_list(N))
b_total, b_peak = traced_peak(lambda: total_from_generator(N))
print("list version:      total %d, peak %d bytes" % (a_total, a_peak))
print("generator version: total %d, peak %d bytes" % (b_total, b_peak))

lst = [k * k for k in range(N)]
print("getsizeof(list) = %d bytes; items summed = %d bytes"
      % (sys.getsizeof(lst), sum(sys.getsizeof(x) for x in lst)))
del lst

g = squares_of(N)
print("sum #1 = %d" % sum(g))
print("sum #2 = %d" % sum(g))
try:
    print("len = %d" % len(x for x in range(3)))
except TypeError as err:
    print("len() raised TypeError: %s" % err)

print("same total, smaller peak with the generator: %s"
      % (a_total == b_total and b_peak < a_peak))
