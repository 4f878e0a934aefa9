def log = new File(basedir, 'build.log').text
assert log.contains('fluxion: 2 methods in 1 class differentiated')      // transform (F)
assert log.contains('fluxion: 1 method in 1 class differentiated')       // transform-tests (TestModel)
assert log.contains('Tests run: 3, Failures: 0, Errors: 0')
assert !log.contains('javaagent')
// -Dfluxion.dump=target/fluxion-dump, resolved against the project directory
def dump = new File(basedir, 'target/fluxion-dump/com.acme.F')
assert dump.isDirectory()
assert dump.list().any { it.startsWith('f') && it.endsWith('.ssa.txt') }
assert dump.list().any { it.startsWith('f') && it.endsWith('.adjoint.txt') }
return true
