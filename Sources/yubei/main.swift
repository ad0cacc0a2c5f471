import ArgumentParser
import YubeiCore
OutputFiles.installSignalCleanup()
Yubei.main()
