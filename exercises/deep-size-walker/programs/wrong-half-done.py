# wrong: half the task: deep_size with its set over dicts and lists, make_users and the shallow/deep figures, but no set-less walker, no cycle, no instances
# fails: `deep_size` follows an instance's `__dict__` and its `__slots__`, bases included
# fails: the program prints the total of a walker without the set, larger for the users
# fails: the program tries both walkers on a dict that contains itself and shows the set-less one never ends
# fails: the program prints `getsizeof` and the deep size of an instance of a plain class and of a slotted class
import sys


def deep_size(obj, seen=None):
    if seen is None:
        seen = set()
    if id(obj) in seen:
        return 0
    seen.add(id(obj))
    size = sys.getsizeof(obj)
    if isinstance(obj, dict):
        for key, value in obj.items():
            size += deep_size(key, seen) + deep_size(value, seen)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for item in obj:
            size += deep_size(item, seen)
    return size


def make_users(count):
    team = ["platform", "infrastructure", "on-call"]
    return {f"user{i}": {"name": f"User {i}", "email": f"user{i}@example.com", "age": 20 + i,
                         "roles": ["member"], "address": {"city": "Springfield"}, "team": team}
            for i in range(count)}


users = make_users(10)
shallow, deep = sys.getsizeof(users), deep_size(users)
print(f"shallow {shallow:,} bytes, deep {deep:,} bytes, {deep / shallow:.1f}x")
print(f"deep size is more than 10x the shallow size: {deep > 10 * shallow}")
