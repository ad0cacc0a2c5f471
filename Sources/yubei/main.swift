import ArgumentParser
Yubei.main()
