def log = new File(basedir, 'build.log').text
assert log.contains('fluxion: 2 methods in 1 class differentiated')
assert log.contains('fluxion: nothing to do, 1 class already transformed')

def classFile = new File(basedir, 'target/classes/com/acme/F.class')
def javap = new File(System.getProperty('java.home'), 'bin/javap').path
def proc = [javap, '-p', classFile.path].execute()
def out = proc.text
proc.waitFor()
println out
assert proc.exitValue() == 0
def adjoints = out.readLines().findAll { it.contains(' fluxion$adjoint$f(') }
assert adjoints.size() == 1 : "expected exactly one fluxion\$adjoint\$f, javap says:\n" + out
assert out.readLines().findAll { it.contains(' fluxion$adjoint$g(') }.size() == 1
return true
