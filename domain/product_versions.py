"""Read the product version a customer names, the way an agent types it.

"Win 7", "windows 8.1", "Windows Server 2019", "macOS 15", "Mac OS X 10.15", "Sonoma",
"Outlook 2016", "new Outlook", "Office 365", "Excel 2010", "Windows Live Mail",
"Thunderbird", "W10", "office2016", "macOS 10,15"... Lenient about spelling and spacing,
strict about meaning: text that names no product Deskguide knows is refused with
examples, never guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from domain.errors import InvalidInput
from domain.messages import Message

# Kinds of product, as a sentence names them ("is an e-mail client, not an operating system").
OPERATING_SYSTEM = Message("an operating system")
MOBILE_OS = Message("a mobile operating system")
EMAIL_CLIENT = Message("an e-mail client")
OFFICE_SUITE = Message("an office suite")

# Subscription products ("Office 365", "new Outlook") are always newer than any year.
CURRENT = (9999,)

_WINDOWS = {"95": (4, 0), "98": (4, 1), "me": (4, 9), "nt": (4, 0), "2000": (5, 0), "xp": (5, 1),
            "vista": (6, 0), "7": (7,), "8": (8,), "8.1": (8, 1), "10": (10,), "11": (11,)}
# macOS names as customers say them; 10.x until Catalina, then one major a year.
_MACOS_NAMES = {
    "cheetah": (10, 0), "puma": (10, 1), "jaguar": (10, 2), "panther": (10, 3), "tiger": (10, 4),
    "leopard": (10, 5), "snow leopard": (10, 6), "lion": (10, 7), "mountain lion": (10, 8),
    "mavericks": (10, 9), "yosemite": (10, 10), "el capitan": (10, 11), "sierra": (10, 12),
    "high sierra": (10, 13), "mojave": (10, 14), "catalina": (10, 15), "big sur": (11,),
    "monterey": (12,), "ventura": (13,), "sonoma": (14,), "sequoia": (15,), "tahoe": (26,),
}
_OFFICE_APPS = r"(?:office|word|excel|powerpoint|onenote|access|publisher)"
_OTHER_MAIL = r"(?:thunderbird|apple mail|mail\.app|em client|mailbird|gmail|windows mail|mail app|outlook express)"
_OTHER_OFFICE = r"(?:libreoffice|openoffice|google docs|wps office|iwork|pages|numbers|keynote)"
_OTHER_OS = r"(?:linux|ubuntu|debian|fedora|chrome ?os|chromebook)"
_NAMES = {"ios": "iOS", "ipados": "iPadOS", "iphone": "iOS", "ipad": "iPadOS", "android": "Android",
          "windows phone": "Windows Phone",
          "libreoffice": "LibreOffice", "openoffice": "OpenOffice", "em client": "eM Client",
          "mail.app": "Apple Mail", "wps office": "WPS Office", "iwork": "iWork", "gmail": "Gmail",
          "outlook express": "Outlook Express"}


def _name(found: str) -> str:
    return _NAMES.get(found, found.title())


@dataclass(frozen=True)
class ProductVersion:
    product: str  # "windows", "macos", "outlook", "office", "windows-live-mail", ...
    kind: str  # OPERATING_SYSTEM, EMAIL_CLIENT, ...
    number: tuple[int, ...] | None  # None: the product is named but not its version
    label: str  # how Deskguide repeats it to the agent: "Windows 8.1", "macOS 14 (Sonoma)"


def _numbers(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def _year(text: str) -> tuple[int, ...] | None:
    match = re.search(r"\b(20[0-3]\d)\b", text)
    return (int(match.group(1)),) if match else None


def _windows(text: str) -> ProductVersion | None:
    if re.search(r"\b(windows|win)\s*(server|srv)\b|\bserver\s*20\d\d\b", text):
        year = _year(text)
        return ProductVersion("windows-server", OPERATING_SYSTEM, year,
                              f"Windows Server {year[0]}" if year else "Windows Server")
    match = (re.search(r"\b(?:windows|win)\s*(8\.1|xp|vista|nt|me|95|98|2000|7|8|10|11)\b", text)
             # "W10" as agents write it in tickets; "XP" and "Vista" name only Windows.
             or re.search(r"\bw\s*(8\.1|7|8|10|11)\b", text) or re.search(r"\b(xp|vista)\b", text))
    if match:
        key = match.group(1)
        label = key.upper() if key in ("xp", "nt", "me") else key.capitalize()
        return ProductVersion("windows", OPERATING_SYSTEM, _WINDOWS[key], f"Windows {label}")
    if re.search(r"\bwindows\b|\bwin\b", text) and not re.search(r"live mail|mail|phone", text):
        return ProductVersion("windows", OPERATING_SYSTEM, None, "Windows")
    return None


def _macos(text: str) -> ProductVersion | None:
    mac = re.search(r"\b(mac\s*os\s*x|mac\s*os|macos|os\s*x|osx|mac|macbook|imac)\b", text)
    for name in sorted(_MACOS_NAMES, key=len, reverse=True):  # "high sierra" before "sierra"
        if re.search(rf"\b{name}\b", text) and (mac or name not in ("lion", "tiger", "puma", "sierra")):
            number = _MACOS_NAMES[name]
            return ProductVersion("macos", OPERATING_SYSTEM, number,
                                  f"macOS {'.'.join(map(str, number))} ({name.title()})")
    if not mac:
        return None
    if mac.group(1) in ("macbook", "imac"):  # hardware: "MacBook Pro 16" is a 16-inch screen, not macOS 16
        return ProductVersion("macos", OPERATING_SYSTEM, None, "macOS")
    # 10.x until Catalina (the minor is the version), then the major alone: "macOS 27.1" is 27.
    match = re.search(r"\b(10\.\d{1,2}|\d{1,2})((?:\.\d+)*)\b", text[mac.end():])
    if match:
        number = _numbers(match.group(1))
        return ProductVersion("macos", OPERATING_SYSTEM, number, f"macOS {match.group(1)}{match.group(2)}")
    return ProductVersion("macos", OPERATING_SYSTEM, None, "macOS")


def _mail(text: str) -> ProductVersion | None:
    if re.search(r"\b(windows\s*)?live\s*mail\b|\bwlm\b", text):
        return ProductVersion("windows-live-mail", EMAIL_CLIENT, None, "Windows Live Mail")
    if re.search(r"\boutlook\b", text) and not re.search(r"\boutlook express\b", text):  # another program
        if re.search(r"\bnew\b|\bny(a|e)?\b|\buusi\b|365|\bm365\b|\bmicrosoft 365\b", text):
            return ProductVersion("outlook", EMAIL_CLIENT, CURRENT, "Outlook for Microsoft 365")
        year = _year(text)
        return ProductVersion("outlook", EMAIL_CLIENT, year, f"Outlook {year[0]}" if year else "Outlook")
    match = re.search(rf"\b{_OTHER_MAIL}\b", text)
    if match:
        return ProductVersion("other-email", EMAIL_CLIENT, None, _name(match.group(0)))
    return None


def _office(text: str) -> ProductVersion | None:
    match = re.search(rf"\b{_OTHER_OFFICE}\b", text)
    if match:
        return ProductVersion("other-office", OFFICE_SUITE, None, _name(match.group(0)))
    if re.search(r"\b(office|microsoft|m|o)\s*365\b|\bmicrosoft 365 apps\b", text):
        return ProductVersion("office", OFFICE_SUITE, CURRENT, "Microsoft 365 Apps (Office 365)")
    match = re.search(rf"\b{_OFFICE_APPS}\b", text)
    if match:
        year = _year(text)
        name = "Office" if match.group(0) == "office" else match.group(0).title()
        return ProductVersion("office", OFFICE_SUITE, year, f"{name} {year[0]}" if year else name)
    return None


def _mobile_or_other_os(text: str) -> ProductVersion | None:
    match = re.search(r"\b(ios|ipados|iphone|ipad|android|windows phone)\b", text)
    if match:
        product = {"iphone": "ios", "ipad": "ipados"}.get(match.group(1), match.group(1))
        return ProductVersion(product.replace(" ", "-"), MOBILE_OS, None, _name(match.group(1)))
    match = re.search(rf"\b{_OTHER_OS}\b", text)
    if match:
        return ProductVersion("other-os", OPERATING_SYSTEM, None, _name(match.group(0)))
    return None


def parse_product_version(text: str) -> ProductVersion:
    normal = (text or "").lower().replace("_", " ").replace("-", " ")
    normal = re.sub(r"(\d),(\d)", r"\1.\2", normal)  # "Windows 8,1", "macOS 10,15": the Nordic decimal comma
    normal = re.sub(r"([a-z])(\d)", r"\1 \2", normal)  # "office2016", "outlook2016", "win7", "w10"
    normal = " ".join(normal.split())
    # Mail before Windows ("Windows Live Mail"), Office before Windows ("Office 2016 for Windows").
    for reader in (_mail, _mobile_or_other_os, _office, _windows, _macos):
        found = reader(normal)
        if found is not None:
            return found
    raise InvalidInput("version", text, Message("is not a product version Deskguide knows: write e.g. 'Windows 11', "
                                                "'macOS 15', 'Outlook 2016' or 'Office 2019'"))
