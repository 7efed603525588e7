# typing stubs: written below
