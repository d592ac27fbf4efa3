; Included by electron-builder's NSIS installer (nsis.include defaults to build/installer.nsh).
;
; "Open with Badgefolio" for files that may carry a credential (PNG, SVG, PDF, JSON): one
; ProgID listed under each type's OpenWithProgids, and the types named under the app's
; Applications key, so Badgefolio appears in Explorer's "Open with" list while the user's
; default program for these files stays as it is. (electron-builder's fileAssociations would
; make Badgefolio the default, which is right only for the types it owns.)

!macro badgefolioOpenWith EXT
  WriteRegNone SHELL_CONTEXT "Software\Classes\.${EXT}\OpenWithProgids" "Badgefolio.Credential"
  WriteRegStr SHELL_CONTEXT "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}\SupportedTypes" ".${EXT}" ""
!macroend

!macro badgefolioNotOpenWith EXT
  DeleteRegValue SHELL_CONTEXT "Software\Classes\.${EXT}\OpenWithProgids" "Badgefolio.Credential"
!macroend

!macro customInstall
  WriteRegStr SHELL_CONTEXT "Software\Classes\Badgefolio.Credential" "" "Credential for ${PRODUCT_NAME}"
  WriteRegStr SHELL_CONTEXT "Software\Classes\Badgefolio.Credential\DefaultIcon" "" "$appExe,0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\Badgefolio.Credential\shell\open" "" "Open with ${PRODUCT_NAME}"
  WriteRegStr SHELL_CONTEXT "Software\Classes\Badgefolio.Credential\shell\open\command" "" '"$appExe" "%1"'
  WriteRegStr SHELL_CONTEXT "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}\shell\open\command" "" '"$appExe" "%1"'
  !insertmacro badgefolioOpenWith "png"
  !insertmacro badgefolioOpenWith "svg"
  !insertmacro badgefolioOpenWith "pdf"
  !insertmacro badgefolioOpenWith "json"
  ; Tell Explorer the associations changed (SHCNE_ASSOCCHANGED, SHCNF_FLUSH).
  System::Call "shell32::SHChangeNotify(i 0x08000000, i 0x1000, i 0, i 0)"
!macroend

!macro customUnInstall
  !insertmacro badgefolioNotOpenWith "png"
  !insertmacro badgefolioNotOpenWith "svg"
  !insertmacro badgefolioNotOpenWith "pdf"
  !insertmacro badgefolioNotOpenWith "json"
  DeleteRegKey SHELL_CONTEXT "Software\Classes\Badgefolio.Credential"
  DeleteRegKey SHELL_CONTEXT "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}"
  System::Call "shell32::SHChangeNotify(i 0x08000000, i 0x1000, i 0, i 0)"
!macroend
