SELECT id FROM datasets WHERE system = @system AND datatype = @datatype;
