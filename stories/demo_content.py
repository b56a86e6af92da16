"""The demo stories' texts (Vietnamese, with a few English translations)."""

P = "paragraph"

STORIES = [
    {
        "desk": "newspaper",
        "slug": "htx-ca-phe-thuan-an-len-san-thuong-mai-dien-tu",
        "kind": "success_story",
        "days_ago": 2,
        "title": "Hợp tác xã Cà phê Thuận An đưa sản phẩm lên sàn thương mại điện tử",
        "standfirst": (
            "Sau hai năm bán cà phê rang xay qua sàn thương mại điện tử và mạng xã hội, doanh thu của "
            "hợp tác xã ở huyện Đắk Mil tăng gần 40%, khách hàng trải dài từ Hà Nội đến Cà Mau."
        ),
        "colour": (120, 72, 40),
        "journalists": ["Nguyễn Thị Thu Hà"],
        "enterprises": ["Hợp tác xã Nông nghiệp Cà phê Thuận An"],
        "pillars": ["P1", "P3"],
        "sectors": ["01"],
        "areas": ["Huyện Đắk Mil"],
        "body": [
            (
                P,
                "<p>Năm 2022, Hợp tác xã Nông nghiệp Cà phê Thuận An vẫn bán gần như toàn bộ sản lượng cà phê "
                "nhân cho thương lái. Giá lên xuống thất thường, xã viên không biết hạt cà phê của mình đi về đâu.</p>"
                "<p>Tham gia chương trình hỗ trợ chuyển đổi số của tỉnh, hợp tác xã được tư vấn mở gian hàng "
                "trên hai sàn thương mại điện tử, gắn mã QR truy xuất nguồn gốc lên từng túi cà phê và dùng "
                "phần mềm quản lý đơn hàng thay cho sổ tay.</p>",
            ),
            (
                "quote",
                {
                    "quote": "Giờ khách ở Hà Nội đặt hàng buổi sáng, chiều chúng tôi đã giao cho bên vận chuyển.",
                    "attribution": "Bà Lê Thị Hồng, Giám đốc hợp tác xã",
                },
            ),
            (
                "facts",
                {
                    "heading": "Sau hai năm",
                    "facts": [
                        {"value": "+40%", "label": "doanh thu cà phê rang xay"},
                        {"value": "3.200", "label": "đơn hàng trực tuyến mỗi năm"},
                        {"value": "126", "label": "hộ xã viên được truy xuất vùng trồng"},
                    ],
                    "note": "Số liệu do hợp tác xã cung cấp, năm 2025.",
                },
            ),
            (
                P,
                "<h2>Bắt đầu từ việc nhỏ</h2><p>Theo bà Hồng, việc khó nhất không phải là công nghệ mà là thói "
                "quen. Hợp tác xã cử hai thành viên trẻ học cách chụp ảnh sản phẩm, trả lời khách hàng và "
                "đóng gói đúng chuẩn của sàn. Mỗi tuần, cả nhóm họp để xem lại đánh giá của khách.</p>"
                "<p>Kết quả tự đánh giá theo bộ chỉ số DBI cho thấy hợp tác xã mạnh ở trải nghiệm số cho "
                "khách hàng nhưng còn yếu ở quản trị dữ liệu — đó là việc tiếp theo của năm 2026.</p>",
            ),
        ],
        "cta": True,
        "en": {
            "title": "Thuan An Coffee Cooperative takes its products to e-commerce marketplaces",
            "slug": "thuan-an-coffee-cooperative-e-commerce",
            "standfirst": (
                "After two years of selling roasted coffee through online marketplaces and social media, the "
                "Dak Mil cooperative's revenue is up almost 40%, with customers from Hanoi to Ca Mau."
            ),
            "body": [
                (
                    P,
                    "<p>In 2022 the Thuan An Coffee Cooperative still sold almost all of its green coffee to "
                    "traders. With the province's digital transformation programme it opened shops on two "
                    "marketplaces, added traceability QR codes to every bag and replaced its notebooks with "
                    "order-management software.</p>",
                ),
                (
                    "quote",
                    {
                        "quote": (
                            "A customer in Hanoi orders in the morning; "
                            "by the afternoon the parcel is with the courier."
                        ),
                        "attribution": "Le Thi Hong, director of the cooperative",
                    },
                ),
            ],
        },
    },
    {
        "desk": "newspaper",
        "slug": "1200-doanh-nghiep-duoc-huong-dan-tu-danh-gia-dbi",
        "kind": "article",
        "days_ago": 5,
        "title": "Hơn 1.200 doanh nghiệp được hướng dẫn tự đánh giá mức độ chuyển đổi số",
        "standfirst": (
            "Các lớp hướng dẫn sử dụng bộ chỉ số DBI đã đến tất cả các huyện, thành phố; phần lớn doanh "
            "nghiệp nhỏ và siêu nhỏ đang ở mức 1 và mức 2."
        ),
        "colour": (11, 79, 138),
        "journalists": ["Trần Quốc Bảo"],
        "pillars": ["P2", "P5"],
        "areas": ["Thành phố Gia Nghĩa"],
        "body": [
            (
                P,
                "<p>Theo Sở Khoa học và Công nghệ, từ đầu năm đến nay đã có hơn 1.200 doanh nghiệp, hợp tác xã "
                "và hộ kinh doanh được hướng dẫn tự đánh giá theo Bộ chỉ số đánh giá mức độ chuyển đổi số doanh "
                "nghiệp (DBI) ban hành kèm Quyết định 1970/QĐ-BTTTT.</p><p>Bộ chỉ số gồm 6 trụ cột, 60 tiêu chí "
                "với tổng điểm tối đa 320; kết quả xếp doanh nghiệp vào một trong sáu mức, từ mức 0 (chưa "
                "chuyển đổi số) đến mức 5 (dẫn dắt).</p>",
            ),
            (
                "facts",
                {
                    "heading": "Kết quả tự đánh giá",
                    "facts": [
                        {"value": "1.214", "label": "lượt tự đánh giá"},
                        {"value": "63%", "label": "ở mức 1 và mức 2"},
                        {"value": "27", "label": "doanh nghiệp đạt mức 4 trở lên"},
                    ],
                    "note": "Số liệu tổng hợp đến tháng 10/2025.",
                },
            ),
            (
                P,
                "<p>Doanh nghiệp có thể tự đánh giá trực tuyến miễn phí; kết quả được tư vấn viên "
                "thẩm định trước khi công bố.</p>",
            ),
        ],
        "cta": True,
    },
    {
        "desk": "newspaper",
        "slug": "phong-van-doanh-nghiep-nho-bat-dau-chuyen-doi-so-tu-dau",
        "kind": "interview",
        "days_ago": 9,
        "title": "Doanh nghiệp nhỏ bắt đầu chuyển đổi số từ đâu?",
        "standfirst": (
            "Trao đổi với chuyên gia tư vấn của mạng lưới hỗ trợ doanh nghiệp về những bước đi đầu tiên, "
            "chi phí và sai lầm thường gặp."
        ),
        "colour": (36, 110, 84),
        "journalists": ["Nguyễn Thị Thu Hà", "Trần Quốc Bảo"],
        "pillars": ["P5", "P6"],
        "body": [
            (
                P,
                "<p><b>Phóng viên: Doanh nghiệp nhỏ thường lo chuyển đổi số rất tốn kém. Ông nghĩ sao?</b></p>"
                "<p>Chuyên gia: Bước đầu có thể gần như miễn phí: hóa đơn điện tử, chữ ký số, kế toán trên nền "
                "tảng đám mây, bán hàng qua mạng xã hội. Điều quan trọng là chọn đúng việc gây tốn thời gian nhất "
                "của mình để số hóa trước.</p>"
                "<p><b>Phóng viên: Sai lầm thường gặp là gì?</b></p>"
                "<p>Chuyên gia: Mua phần mềm trước khi hiểu quy trình. Hãy tự đánh giá theo bộ chỉ số DBI để biết "
                "mình yếu ở trụ cột nào, rồi mới chọn giải pháp.</p>",
            ),
            (
                "quote",
                {
                    "quote": "Chuyển đổi số trước hết là thay đổi thói quen làm việc, công nghệ chỉ là công cụ.",
                    "attribution": "Chuyên gia tư vấn chuyển đổi số",
                },
            ),
        ],
    },
    {
        "desk": "radio",
        "slug": "ban-tin-chuyen-doi-so-hoa-don-dien-tu-chu-ky-so",
        "kind": "radio_segment",
        "days_ago": 1,
        "title": "Bản tin Chuyển đổi số: hóa đơn điện tử và chữ ký số cho hộ kinh doanh",
        "standfirst": (
            "Bản tin phát thanh hằng tuần: từ tháng 6, hộ kinh doanh nộp thuế theo phương pháp kê khai phải "
            "dùng hóa đơn điện tử khởi tạo từ máy tính tiền. Cán bộ thuế hướng dẫn cách đăng ký."
        ),
        "colour": (150, 40, 60),
        "journalists": ["Lê Minh Tuấn"],
        "pillars": ["P2"],
        "sectors": ["47"],
        "audio": {
            "title": "Bản tin Chuyển đổi số – hóa đơn điện tử",
            "seconds": 6,
            "transcript": (
                "<p>Kính chào quý thính giả. Đây là Bản tin Chuyển đổi số của Đài Phát thanh – Truyền hình tỉnh.</p>"
                "<p>Từ tháng 6, hộ kinh doanh nộp thuế theo phương pháp kê khai phải sử dụng hóa đơn điện tử "
                "khởi tạo từ máy tính tiền. Chi cục Thuế khu vực hướng dẫn hộ kinh doanh đăng ký qua cổng thuế "
                "điện tử, miễn phí chữ ký số trong năm đầu.</p><p>Cảm ơn quý vị đã lắng nghe.</p>"
            ),
        },
        "body": [(P, "<p>Nghe bản tin phát thanh và đọc bản ghi lời bên dưới.</p>")],
        "en": {
            "title": "Digital Transformation Bulletin: e-invoices and digital signatures for household businesses",
            "slug": "bulletin-e-invoices-digital-signatures",
            "standfirst": (
                "The weekly radio bulletin: from June, household businesses that declare tax must issue "
                "e-invoices from their cash registers. A tax officer explains how to register."
            ),
            "body": [(P, "<p>Listen to the bulletin and read its transcript below (in Vietnamese).</p>")],
        },
    },
    {
        "desk": "radio",
        "slug": "toa-dam-nong-san-so-tren-song-phat-thanh",
        "kind": "interview",
        "days_ago": 6,
        "title": "Tọa đàm: Nông sản Đắk Nông trên nền tảng số",
        "standfirst": (
            "Đại diện hợp tác xã, doanh nghiệp logistics và Sở Công Thương bàn cách đưa sầu riêng, mắc ca, "
            "hồ tiêu đến người mua qua kênh trực tuyến."
        ),
        "colour": (170, 110, 20),
        "journalists": ["H'Lan Niê", "Lê Minh Tuấn"],
        "pillars": ["P1", "P3"],
        "sectors": ["01"],
        "audio": {
            "title": "Tọa đàm nông sản số",
            "seconds": 8,
            "transcript": (
                "<p>Người dẫn chương trình: Thưa quý vị, hôm nay chúng ta bàn về nông sản trên nền tảng số.</p>"
                "<p>Khách mời: Điều quan trọng nhất là chuẩn hóa chất lượng và đóng gói trước khi lên sàn; "
                "tem truy xuất nguồn gốc giúp người mua tin tưởng.</p>"
            ),
        },
        "body": [(P, "<p>Chương trình tọa đàm phát sóng trên kênh phát thanh của tỉnh.</p>")],
    },
    {
        "desk": "portal",
        "slug": "mac-ca-tuy-duc-quan-ly-vung-trong-bang-phan-mem",
        "kind": "success_story",
        "days_ago": 3,
        "title": "Mắc ca Tuy Đức quản lý 300 ha vùng trồng bằng phần mềm",
        "standfirst": (
            "Nhật ký canh tác điện tử, bản đồ số từng lô và dữ liệu thời tiết giúp doanh nghiệp giảm 15% chi "
            "phí phân bón và đạt chứng nhận xuất khẩu."
        ),
        "colour": (90, 60, 140),
        "journalists": ["Phạm Văn Đức"],
        "enterprises": ["Công ty TNHH Mắc ca Tuy Đức"],
        "pillars": ["P3", "P4"],
        "sectors": ["01", "10"],
        "areas": ["Huyện Tuy Đức"],
        "body": [
            (
                P,
                "<p>Công ty TNHH Mắc ca Tuy Đức liên kết với hơn 200 hộ trồng mắc ca. Trước đây, nhật ký canh tác "
                "được ghi trên giấy, khó kiểm tra khi đối tác nước ngoài yêu cầu truy xuất.</p><p>Từ năm 2024, "
                "mỗi lô được số hóa trên bản đồ; nông dân ghi nhật ký bằng điện thoại, dữ liệu thời tiết và độ ẩm "
                "đất được tổng hợp để khuyến cáo lịch tưới, bón phân.</p>",
            ),
            (
                "facts",
                {
                    "heading": "Hiệu quả",
                    "facts": [
                        {"value": "300 ha", "label": "vùng trồng được số hóa"},
                        {"value": "−15%", "label": "chi phí phân bón"},
                        {"value": "2", "label": "thị trường xuất khẩu mới"},
                    ],
                },
            ),
        ],
        "cta": True,
        "en": {
            "title": "Tuy Duc Macadamia manages 300 hectares of orchards with software",
            "slug": "tuy-duc-macadamia-orchard-software",
            "standfirst": (
                "Electronic farm diaries, digital maps of each plot and weather data cut fertiliser costs by 15% "
                "and won the company an export certification."
            ),
            "body": [
                (
                    P,
                    "<p>Tuy Duc Macadamia works with more than 200 growing households. Since 2024 every plot has "
                    "been mapped and farmers keep their diaries on their phones.</p>",
                ),
            ],
        },
    },
    {
        "desk": "portal",
        "slug": "phat-dong-binh-chon-doanh-nghiep-chuyen-doi-so-tieu-bieu-2025",
        "kind": "article",
        "days_ago": 4,
        "title": "Phát động bình chọn doanh nghiệp chuyển đổi số tiêu biểu năm 2025",
        "standfirst": (
            "Doanh nghiệp có kết quả DBI đã thẩm định từ mức 3 trở lên được đề cử; hồ sơ nhận đến hết ngày 15/12/2025."
        ),
        "colour": (200, 90, 30),
        "journalists": ["Vũ Thị Mai"],
        "pillars": ["P6"],
        "body": [
            (
                P,
                "<p>Ủy ban nhân dân tỉnh phát động bình chọn, tôn vinh doanh nghiệp chuyển đổi số tiêu biểu năm "
                "2025 theo Kế hoạch 257/KH-UBND. Hội đồng xét chọn căn cứ kết quả đánh giá theo bộ chỉ số DBI đã "
                "được thẩm định, hiệu quả thực tế và khả năng nhân rộng mô hình.</p>",
            ),
        ],
        "cta": True,
    },
    {
        "desk": "portal",
        "slug": "anh-mot-ngay-khong-giay-to-o-trung-tam-hanh-chinh-cong",
        "kind": "photo_story",
        "days_ago": 8,
        "title": "Ảnh: Một ngày không giấy tờ ở Trung tâm Phục vụ hành chính công",
        "standfirst": "Doanh nghiệp nộp hồ sơ, ký số và nhận kết quả trực tuyến; quầy tiếp nhận chỉ còn hướng dẫn.",
        "colour": (20, 120, 140),
        "journalists": ["Vũ Thị Mai"],
        "pillars": ["P2"],
        "areas": ["Thành phố Gia Nghĩa"],
        "gallery": [
            ("Hướng dẫn nộp hồ sơ trực tuyến", (20, 120, 140)),
            ("Ký số hồ sơ trên điện thoại", (40, 100, 160)),
            ("Tra cứu kết quả bằng mã QR", (60, 80, 120)),
        ],
        "body": [(P, "<p>Ghi nhận tại Trung tâm Phục vụ hành chính công tỉnh.</p>")],
    },
]

JOURNALISTS = [
    ("Nguyễn Thị Thu Hà", "newspaper", "Phóng viên Ban Kinh tế"),
    ("Trần Quốc Bảo", "newspaper", "Phóng viên"),
    ("Lê Minh Tuấn", "radio", "Biên tập viên chương trình phát thanh"),
    ("H'Lan Niê", "radio", "Phát thanh viên"),
    ("Phạm Văn Đức", "portal", "Biên tập viên Cổng thông tin"),
    ("Vũ Thị Mai", "portal", "Phóng viên ảnh"),
]

ENTERPRISES = [
    {
        "name": "Hợp tác xã Nông nghiệp Cà phê Thuận An",
        "legal_form": "cooperative",
        "sector": "01",
        "area": "Huyện Đắk Mil",
        "founded_year": 2016,
        "website": "https://htxcaphethuanan.example.vn",
        "level": 3,
    },
    {
        "name": "Công ty TNHH Mắc ca Tuy Đức",
        "legal_form": "llc",
        "sector": "01",
        "area": "Huyện Tuy Đức",
        "founded_year": 2012,
        "website": "https://macatuyduc.example.vn",
        "level": 4,
    },
]
