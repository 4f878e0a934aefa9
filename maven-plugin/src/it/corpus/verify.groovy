def log = new File(basedir, 'build.log').text
// every corpus and model class that declares @Differentiable methods (the corpus grows: no exact numbers)
def summary = log =~ /fluxion: (\d+) methods in (\d+) classes differentiated/
assert summary.find()
assert (summary.group(2) as int) >= 5
def tests = log =~ /Tests run: (\d+), Failures: 0, Errors: 0, Skipped: 0\n/
assert tests.find()
assert (tests.group(1) as int) > 50
assert log =~ /Tests run: 9, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: .* in com.acme.ModelsTest/
assert !log.contains('javaagent')
return true
