def with_else(x):
    try:
        a = 1
    except ValueError:
        a = 2
    else:
        a = 3
        b = 4
        c = 5
    return a


def outer(items):
    def inner(y):
        if y:
            return 1
        return 2 if y > 3 else 4
    return [inner(i) for i in items if i]


def fstr(x, y):
    return f"{'a' if x else 'b'} {y and x}"


class Report:
    def render(self, rows):
        def cell(v):
            return f"{v!r:>10}" if v is not None else "-"
        out = []
        for r in rows:
            try:
                out.append(cell(r))
            except (TypeError, ValueError):
                out.append("?")
            else:
                out.append("!")
                out.append("!!")
        return [x for x in out if x and len(x) > 1 or x == "?"]
