# wrong: prints a CPython 3.11 run's lines, typed in, without evaluating or measuring anything
# fails: the program measures with sys.getsizeof: the statements, the lists and each step of the dict
print("CPython 3.11.7, 64-bit")
print("sys.getsizeof([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) > sys.getsizeof([1, 2, 3]): True")
print("sys.getsizeof([[1, 2, 3], [4, 5, 6], [7, 8, 9]]) == sys.getsizeof([1, 2, 3]): False")
print("sys.getsizeof(dict.fromkeys('abcdefghi')) > sys.getsizeof({}): True")
print("sys.getsizeof([[0] * 1000 for _ in range(3)]) == sys.getsizeof([0 for _ in range(3)]): True")
print("sys.getsizeof(['x' * 10_000]) > sys.getsizeof(['x']): False")
print("three 1,000-element lists in a list: shallow 88 bytes, with the inner lists 24,256 bytes")
print("size of the literal [[1, 2, 3], [4, 5, 6], [7, 8, 9]]: 80 bytes, of the literal [1, 2, 3]: 88 bytes")
print("size of [0 for _ in range(3)]: 88 bytes, of [[0] * 1000 for _ in range(3)]: 88 bytes")
print("dict size as keys arrive: 0 keys 64 bytes, 1 key 224 bytes, 6 keys 352 bytes, 11 keys 632 bytes, 22 keys 1,168 bytes")
print("the shallow size ignores what the slots refer to: True")
