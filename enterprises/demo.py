from .units import default_unit_files, load_units


def build_units(stdout):
    for path in default_unit_files():
        count = load_units(path)
        stdout.write(f"enterprises: {count} đơn vị hành chính từ {path.name}")
