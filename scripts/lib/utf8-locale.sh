# Sourced by the scripts that run Java. Linux file names are bytes and Java decodes them with the locale's charset:
# without a UTF-8 locale a name such as çağrı.wav cannot be stored on the embedded object store. C.UTF-8 is chosen
# when the current locale is not UTF-8 (as under env -i, or a bare container).
if [ "$(locale charmap 2>/dev/null)" != "UTF-8" ]; then
  export LC_ALL=C.UTF-8
fi
