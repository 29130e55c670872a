# correct: written from the task alone; a generator function with a while loop, tracing inline with reset_peak instead of a helper, the items' sizes by sum(map(...)), other wording
import sys
import tracemalloc


def squares_up_to(n):
    k = 0
    while k < n:
        yield k * k
        k += 1


def total_from_list(n):
    everything = [k * k for k in range(n)]
    return sum(everything)


def total_from_generator(n):
    return sum(squares_up_to(n))


N = 500_000
tracemalloc.start()
tracemalloc.reset_peak()
base = tracemalloc.get_traced_memory()[0]
a = total_from_list(N)
peak_a = tracemalloc.get_traced_memory()[1] - base
tracemalloc.reset_peak()
base = tracemalloc.get_traced_memory()[0]
b = total_from_generator(N)
peak_b = tracemalloc.get_traced_memory()[1] - base
tracemalloc.stop()
print("totals:", a, b)
print("peaks (bytes): list =", peak_a, "generator =", peak_b)

big = [k * k for k in range(N)]
print("getsizeof(list) =", sys.getsizeof(big), "| sum of getsizeof(items) =", sum(map(sys.getsizeof, big)))
del big

g = squares_up_to(5)
print("sum(g) twice ->", sum(g), "then", sum(g))
try:
    print(len(x for x in range(3)))
except TypeError as e:
    print("TypeError:", e)
print("Same total, smaller peak with the generator =", a == b and peak_b < peak_a)
