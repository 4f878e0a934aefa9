def log = new File(basedir, 'build.log').text
def expected = 'fluxion: com.acme.Model.loss(Model.java:12): active value passed to com.acme.Model.unknown(double), which is not @Differentiable, and not a helper Fluxion differentiates through'
assert log.contains(expected)
assert log.contains('[ERROR] ' + expected)
assert log.contains('fluxion: 1 method cannot be differentiated; no class in')
// all or nothing: the class without problems was not written either
def good = new File(basedir, 'target/classes/com/acme/Good.class').getBytes()
assert !new String(good, 'ISO-8859-1').contains('fluxion$adjoint$')
return true
