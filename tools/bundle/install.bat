@echo off
rem ubtui @VERSION@ - install from this folder (a USB stick), without a network.
rem   install.bat           install for this user (again: upgrade; the school file is kept)
rem   install.bat FOLDER    put the program in FOLDER instead of %LOCALAPPDATA%\Programs\ubtui
chcp 65001 >nul
setlocal EnableExtensions
set "HERE=%~dp0"
set "VERSION=@VERSION@"
set "TARGET=%LOCALAPPDATA%\Programs\ubtui"
if not "%~1"=="" set "TARGET=%~1"
set "VENV=%TARGET%\venv-%VERSION%"

rem A Python the wheels on the stick were made for (newest first): the py launcher, else python.
set "PY="
for %%V in (@PYTHONS_NEWEST_FIRST@) do (
    if not defined PY (
        py -%%V -c "pass" >nul 2>&1 && set "PY=py -%%V"
    )
)
if not defined PY (
    for %%V in (@PYTHONS_NEWEST_FIRST@) do (
        if not defined PY (
            python -c "import sys; sys.exit(sys.version[:len('%%V')+1] != '%%V.')" >nul 2>&1 && set "PY=python"
        )
    )
)
if not defined PY (
    echo ubtui: Python @PYTHONS@ табылган жок. Адегенде Python'ду орнотуңуз: README-install.txt.
    echo ubtui: не найден Python @PYTHONS@. Сначала установите Python: README-install.txt.
    pause
    exit /b 1
)

rem pip and every package come from wheels\, checked against requirements.txt's hashes;
rem the user's own pip settings are left out of it.
set "PIP_CONFIG_FILE=nul"
set "PIP_INDEX_URL="
set "PIP_EXTRA_INDEX_URL="
set "PIP_FIND_LINKS="
set "PIP_CONSTRAINT="
set "PIP_DISABLE_PIP_VERSION_CHECK=1"
set "PIP_NO_INPUT=1"

echo ubtui %VERSION%: %VENV% ...
if not exist "%TARGET%" mkdir "%TARGET%"
if exist "%VENV%" rmdir /s /q "%VENV%"
%PY% -m venv --without-pip "%VENV%" || goto failed
"%VENV%\Scripts\python.exe" "%HERE%wheels\@PIP_WHEEL@\pip" install --no-index --find-links "%HERE%wheels" --require-hashes --only-binary=:all: --compile --no-warn-script-location -q -r "%HERE%requirements.txt" || goto failed
"%VENV%\Scripts\python.exe" -m compileall -q "%VENV%\Lib" >nul 2>&1

rem The launcher: UTF-8 in the console (chcp 65001, PYTHONUTF8=1), then ubtui.
> "%TARGET%\ubtui.bat" echo @echo off
>> "%TARGET%\ubtui.bat" echo chcp 65001 ^>nul
>> "%TARGET%\ubtui.bat" echo set PYTHONUTF8=1
>> "%TARGET%\ubtui.bat" echo "%%~dp0venv-%VERSION%\Scripts\ubtui.exe" %%*

rem The desktop shortcut opens it in the console, in Documents.
powershell -NoProfile -ExecutionPolicy Bypass -Command "$w = New-Object -ComObject WScript.Shell; $s = $w.CreateShortcut([Environment]::GetFolderPath('Desktop') + '\ubtui.lnk'); $s.TargetPath = $env:TARGET + '\ubtui.bat'; $s.WorkingDirectory = [Environment]::GetFolderPath('MyDocuments'); $s.Description = 'ubtui'; $s.Save()" >nul 2>&1
if errorlevel 1 copy /y "%TARGET%\ubtui.bat" "%USERPROFILE%\Desktop\ubtui.bat" >nul

rem Older versions' programs go (the school file is elsewhere: %LOCALAPPDATA%\ubtui\).
for /d %%D in ("%TARGET%\venv-*") do (
    if /i not "%%~fD"=="%VENV%" rmdir /s /q "%%~fD"
)

call "%TARGET%\ubtui.bat" --version
echo ubtui орнотулду: иш тактасындагы ubtui белгисин эки жолу басыңыз.
echo ubtui установлен: дважды щёлкните значок ubtui на рабочем столе.
pause
exit /b 0

:failed
echo ubtui: орнотуу ишке ашкан жок (жогорудагы билдирүүнү караңыз).
echo ubtui: установка не удалась (см. сообщение выше).
pause
exit /b 1
