#!/bin/sh
# ubtui @VERSION@ — install from this folder (a USB stick), without a network.
#
#   sh install.sh            install for this user (again: upgrade; the school file is kept)
#   sh install.sh FOLDER     put the program in FOLDER instead of ~/.local/opt/ubtui
#
# Needs python3 (@PYTHONS@) from the distribution; nothing is downloaded.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
VERSION="@VERSION@"
TARGET=${1:-"$HOME/.local/opt/ubtui"}
VENV="$TARGET/venv-$VERSION"
BIN=${XDG_BIN_HOME:-"$HOME/.local/bin"}
APPS=${XDG_DATA_HOME:-"$HOME/.local/share"}/applications

say() { printf '%s\n' "$*"; }
fail() {
    say "ubtui: $1" >&2
    say "ubtui: $2" >&2
    exit 1
}

# A Python the wheels on the stick were made for (newest first).
PYTHON=""
for version in @PYTHONS_NEWEST_FIRST@; do
    if command -v "python$version" >/dev/null 2>&1; then
        PYTHON="python$version"
        break
    fi
done
if [ -z "$PYTHON" ] && command -v python3 >/dev/null 2>&1; then
    found=$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')
    for version in @PYTHONS@; do
        [ "$found" = "$version" ] && PYTHON=python3
    done
fi
[ -n "$PYTHON" ] || fail "Python @PYTHONS@ табылган жок (README-install.txt караңыз)." \
    "не найден Python @PYTHONS@ (см. README-install.txt)."

# pip and every package come from wheels/, checked against requirements.txt's hashes;
# the user's own pip settings are left out of it.
unset PIP_INDEX_URL PIP_EXTRA_INDEX_URL PIP_FIND_LINKS PIP_CONSTRAINT PIP_REQUIREMENT PIP_NO_INDEX PIP_TARGET PIP_PREFIX PIP_USER
export PIP_CONFIG_FILE=/dev/null PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1

say "ubtui $VERSION: $VENV ..."
mkdir -p "$TARGET"
rm -rf "$VENV"
"$PYTHON" -m venv --without-pip "$VENV" ||
    fail "Python'дун venv модулу иштебей жатат." "модуль venv Python не работает."
"$VENV/bin/python" "$HERE/wheels/@PIP_WHEEL@/pip" install --no-index --find-links "$HERE/wheels" \
    --require-hashes --only-binary=:all: --compile --no-warn-script-location -q \
    -r "$HERE/requirements.txt" ||
    fail "орнотуу ишке ашкан жок (жогорудагы билдирүүнү караңыз)." "установка не удалась (см. сообщение выше)."
"$VENV/bin/python" -m compileall -q "$VENV/lib" >/dev/null 2>&1 || true

# The launcher, then the menu entry (it opens a terminal).
mkdir -p "$BIN"
cat > "$BIN/ubtui.tmp" <<LAUNCHER
#!/bin/sh
exec "$VENV/bin/ubtui" "\$@"
LAUNCHER
chmod 755 "$BIN/ubtui.tmp"
mv -f "$BIN/ubtui.tmp" "$BIN/ubtui"
mkdir -p "$APPS"
cat > "$APPS/ubtui.desktop" <<DESKTOP
[Desktop Entry]
Type=Application
Name=ubtui
Comment=Усулдук бирикмелердин иш кагаздары
Comment[ru]=Документы методических объединений
Exec="$BIN/ubtui"
Terminal=true
Categories=Office;Education;
DESKTOP

# Older versions' programs go (the school file is elsewhere: ~/.local/share/ubtui/).
for old in "$TARGET"/venv-*; do
    [ "$old" = "$VENV" ] || [ ! -d "$old" ] || rm -rf "$old"
done

"$BIN/ubtui" --version
say "ubtui орнотулду: $BIN/ubtui (менюда да бар)."
say "ubtui установлен: $BIN/ubtui (есть и в меню)."
case ":$PATH:" in
    *":$BIN:"*) ;;
    *) say "$BIN PATH'та жок: толук жолун териңиз / нет в PATH: набирайте полный путь." ;;
esac
