INSERT INTO datasets (system, datatype) VALUES (@system, @datatype)
ON CONFLICT (system, datatype) DO NOTHING;
