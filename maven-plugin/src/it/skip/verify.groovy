def log = new File(basedir, 'build.log').text
assert log.contains('fluxion: skipped (fluxion.skip)')
assert !log.contains('which is not @Differentiable')
return true
